"""Paying an application's fee: starting a payment for it and hearing that it was paid.

An application with a fee waits in "awaiting payment" after submission. The resident's *Pay now*
creates a payment (``application_payment_begin``); the payments app books it and calls
``application_payment_paid`` in a background task, which marks the application paid and routes
it (automatic decision or the unit's queue). Every step is idempotent: one application has at
most one paid payment, and a replayed notification changes nothing.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from buergerportal.accounts.models import User
from buergerportal.catalogue.definitions import Charging, ServiceDefinition
from buergerportal.catalogue.registry import service_by_slug
from buergerportal.core.audit import audit_record
from buergerportal.payments.access import payments_for_payable
from buergerportal.payments.creation import PaymentError, payment_create, payment_retry
from buergerportal.payments.models import Payment, PaymentState
from buergerportal.payments.models.payment import BOOKED_STATES
from buergerportal.payments.refunds import refund_automatic
from buergerportal.procedures.assessment import application_fee_items
from buergerportal.procedures.lifecycle import EventKind, application_transition
from buergerportal.procedures.routing import case_route

from .models import Application, Status


class PaymentNotPossible(Exception):
    """This application cannot be paid now (not awaiting payment, or not the payer's)."""


def application_fee_open(*, application: Application, service: ServiceDefinition) -> bool:
    """Whether the resident may pay the fee now: before review while the application awaits
    payment, or after a notice that assessed it (``Charging.BY_NOTICE``) until it is paid."""
    if application.fee_cents <= 0 or application.paid_at is not None:
        return False
    if application.status == Status.AWAITING_PAYMENT:
        return True
    return application.status == Status.APPROVED and service.charging_mode == Charging.BY_NOTICE


def application_payment_context(application: Application) -> dict[str, object]:
    """What ``applications/includes/payment.html`` shows: the latest payment, whether the fee
    may be paid now, and (after a notice that assessed it) by when."""
    from buergerportal.procedures.assessment import fee_due_on

    service = service_by_slug(application.service_slug)
    return {
        "payment": payments_for_payable(application).first(),
        "fee_open": service is not None
        and application_fee_open(application=application, service=service),
        "fee_due_on": fee_due_on(application=application, service=service)
        if service is not None and application.decided_at
        else None,
    }


def application_payment_begin(*, application_id: uuid.UUID | str, payer: User) -> Payment:
    """The payment to send the payer to the provider with (state ``created``).

    Locks the application, so two clicks cannot create two payments. A payment still waiting
    for the provider's confirmation is returned as it is (never a second one that could also be
    paid); after a failure or cancellation a new one is made with the same items.
    """
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application_id)
        if application.applicant_id != payer.pk:
            raise PaymentNotPossible("not the applicant")
        service = service_by_slug(application.service_slug)
        if service is None:
            raise PaymentNotPossible("unknown service")
        if not application_fee_open(application=application, service=service):
            raise PaymentNotPossible("not awaiting payment")
        latest = payments_for_payable(application).first()
        if latest is not None and latest.state in BOOKED_STATES:
            raise PaymentNotPossible("already paid")  # the callback is still on its way
        if latest is not None and latest.state in {PaymentState.CREATED, PaymentState.PENDING}:
            return latest
        if latest is not None:
            return payment_retry(payment=latest)
        with translation.override(application.language):
            label = str(service.title)
        return payment_create(
            payable=application,
            payer=payer,
            purpose=application.reference,
            label=label,
            items=application_fee_items(application=application, service=service),
            unit=application.unit,
            next_url=reverse("applications:detail", args=[application.pk]),
        )


def application_mark_paid(*, application_id: uuid.UUID | str, payment_id: int) -> Application:
    """Mark the application paid and route it; a second call (or a second payment) does nothing."""
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application_id)
        payment = Payment.objects.get(pk=payment_id)
        if payment.state not in BOOKED_STATES or payment.payable_id != str(application.pk):
            raise PaymentError("this payment is not a booked payment of this application")
        if application.paid_at is None and application.status == Status.APPROVED:
            return _assessed_fee_paid(application, payment)  # ``Charging.BY_NOTICE``
        if application.paid_at is not None or application.status != Status.AWAITING_PAYMENT:
            if application.status == Status.WITHDRAWN and application.paid_at is None:
                # paid at the provider after the resident withdrew: nothing will be worked for
                # this money, so it goes back at once
                audit_record(
                    action="application.paid_after_withdrawal",
                    obj=application,
                    data={"payment": str(payment.public_id)},
                )
                refund_automatic(
                    payment=payment, reason=_("Paid after the application was withdrawn")
                )
            if application.paid_at is not None and payment.paid_at != application.paid_at:
                audit_record(
                    action="application.paid_twice",
                    obj=application,
                    data={"payment": str(payment.public_id)},
                )
            return application
        service = service_by_slug(application.service_slug)
        paid_at = payment.paid_at or timezone.now()
        fields = {"paid_at": paid_at}
        # The promised processing time runs from payment: before it, nobody may work the case.
        if service is not None:
            fields["due_at"] = paid_at + timedelta(days=service.workflow.target_days)
        application = application_transition(
            application=application,
            to=Status.SUBMITTED,
            actor=None,
            kind=EventKind.PAID,
            audit_data={"payment": str(payment.public_id), "amount_cents": payment.amount_cents},
            fields=fields,
        )
        return case_route(application=application)


def _assessed_fee_paid(application: Application, payment: Payment) -> Application:
    """The fee a notice assessed is paid: recorded on the decided case (no transition)."""
    from buergerportal.procedures.lifecycle import case_event_record

    application.paid_at = payment.paid_at or timezone.now()
    application.save(update_fields=["paid_at"])
    case_event_record(
        application=application,
        kind=EventKind.PAID,
        audit_data={"payment": str(payment.public_id), "amount_cents": payment.amount_cents},
    )
    return application


def application_payment_paid(payment: Payment) -> None:
    """Payment listener (``on_paid``): runs in a background task after the booking."""
    application_mark_paid(application_id=payment.payable_id, payment_id=payment.pk)


def application_payment_failed(payment: Payment) -> None:
    """Payment listener (``on_failed``): the application keeps waiting; *Pay now* stays."""
    application = Application.objects.filter(pk=payment.payable_id).first()
    if application is not None:
        audit_record(
            action="application.payment_failed",
            obj=application,
            data={"payment": str(payment.public_id), "state": payment.state},
        )
