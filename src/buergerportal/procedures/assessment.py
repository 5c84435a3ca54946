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

from buergerportal.catalogue.definitions import Charging, ServiceDefinition
from buergerportal.catalogue.fees import fee_label
from buergerportal.payments.access import payments_for_payable
from buergerportal.payments.creation import FeeItem, payment_create
from buergerportal.payments.models import Mandate, Payment

from .models import Application


def application_fee_items(*, application: Application, service: ServiceDefinition) -> list[FeeItem]:
    """One fee item for the application's fee: the service's code for this application
    (``fee_item_code_for``), else its code (or its key), and the label the fee schedule gives
    that code on the day of submission (else ``fee_item_label``, or title)."""
    code = (service.fee_item_code_for(application) if service.fee_item_code_for else "") or (
        service.fee_item_code or service.key or service.slug.upper()
    )
    scheduled = fee_label(
        service_slug=service.slug, code=code, on=timezone.localdate(application.submitted_at)
    )
    with translation.override(application.language):
        label = str(scheduled or service.fee_item_label or service.title)
    return [FeeItem(code=code[:50], label=label[:200], amount_cents=application.fee_cents)]


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
