"""A fee assessed by the notice (``Charging.BY_NOTICE``): on approval the fee becomes due.

It is collected by direct debit where the applicant has an active mandate (the notice, which
reaches the resident at once, carries the SEPA pre-notification); otherwise the resident pays it
online from the application's page by the due date the notice states. Runs inside the
decision's transaction.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from buergerportal.catalogue.definitions import Charging, FeePart, ServiceDefinition
from buergerportal.catalogue.fees import fee_label
from buergerportal.core.money import euros
from buergerportal.payments.access import payments_for_payable
from buergerportal.payments.creation import FeeItem, payment_create
from buergerportal.payments.models import Mandate, Payment

from .models import Application


def application_fee_items(*, application: Application, service: ServiceDefinition) -> list[FeeItem]:
    """The fee items of the application's fee: the service's parts (``fee_parts``) where it
    has them, else one item. A part's or the item's label is what the fee schedule gives its
    code on the day of submission (else ``fee_item_label``, or the title)."""
    parts = (
        [p for p in service.fee_parts(application) if p.amount_cents > 0]
        if (service.fee_parts)
        else []
    )
    if parts and sum(p.amount_cents for p in parts) == application.fee_cents:
        return [_part_item(application=application, service=service, part=p) for p in parts]
    code = (service.fee_item_code_for(application) if service.fee_item_code_for else "") or (
        service.fee_item_code or service.key or service.slug.upper()
    )
    label = _scheduled_label(application=application, service=service, code=code)
    return [FeeItem(code=code[:50], label=label[:200], amount_cents=application.fee_cents)]


def _scheduled_label(*, application: Application, service: ServiceDefinition, code: str) -> str:
    scheduled = fee_label(
        service_slug=service.slug, code=code, on=timezone.localdate(application.submitted_at)
    )
    with translation.override(application.language):
        return str(scheduled or service.fee_item_label or service.title)


def _part_item(*, application: Application, service: ServiceDefinition, part: FeePart) -> FeeItem:
    label = _scheduled_label(application=application, service=service, code=part.code)
    if part.quantity > 1:
        with translation.override(application.language):
            label = _("%(quantity)s × %(label)s at %(each)s") % {
                "quantity": part.quantity,
                "label": label,
                "each": euros(part.amount_cents // part.quantity),
            }
    return FeeItem(code=part.code[:50], label=label[:200], amount_cents=part.amount_cents)


def fee_due_on(*, application: Application, service: ServiceDefinition) -> date:
    """The day the assessed fee is due: ``payment_due_days`` after the decision."""
    decided = timezone.localdate(application.decided_at or timezone.now())
    return decided + timedelta(days=service.payment_due_days)


def fee_assess(*, application: Application, service: ServiceDefinition) -> Payment | None:
    """The assessed fee of an approved application: a scheduled debit or a payment to make
    online (idempotent: an application is assessed once)."""
    from buergerportal.payments.sepa.mandates import debit_schedule

    if service.charging_mode != Charging.BY_NOTICE or application.fee_cents <= 0:
        return None
    existing = payments_for_payable(application).first()
    if existing is not None:
        return existing
    items = application_fee_items(application=application, service=service)
    mandate = (
        Mandate.objects.filter(payer=application.applicant, revoked_at=None, lapsed_at=None)
        .order_by("-signed_on")
        .first()
        if application.applicant_id
        else None
    )
    if mandate is not None and mandate.is_active:
        payment = debit_schedule(
            mandate=mandate,
            payable=application,
            purpose=application.reference,
            items=items,
            due_on=fee_due_on(application=application, service=service),
            unit=application.unit,
        )
        return payment  # the notice is the pre-notification (``documents/notice.py``)
    return payment_create(
        payable=application,
        payer=application.applicant,
        purpose=application.reference,
        items=items,
        unit=application.unit,
        next_url=reverse("applications:detail", args=[application.pk]),
    )
