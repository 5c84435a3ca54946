"""Creating a payment for a payable and sending the payer to the provider."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from buergerportal.accounts.models import OrgUnit, User
from buergerportal.core.audit import audit_record

from .models import Payment, PaymentItem, PaymentMethod, PaymentState
from .providers.registry import payment_provider

_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read out on the phone


@dataclass(frozen=True)
class FeeItem:
    """One fee of a service definition: a code for the finance office, a label, an amount."""

    code: str
    label: str
    amount_cents: int


class PaymentError(Exception):
    """A payment cannot be created or started in its current state."""


def payment_reference_new() -> str:
    body = "".join(secrets.choice(_ALPHABET) for _ in range(10))
    return f"BPZ-{timezone.now():%Y}-{body}"


def payment_create(
    *,
    payable: models.Model,
    payer: User | None,
    purpose: str,
    items: Sequence[FeeItem],
    unit: OrgUnit | None = None,
    method: str = PaymentMethod.ONLINE,
    next_url: str = "",
    label: str = "",
) -> Payment:
    """A new payment of the sum of ``items`` for ``payable``. ``purpose`` is the payable's
    reference (e.g. ``BP-2026-000123``); it appears on the bank statement and the receipt.
    ``label`` says what is paid for (e.g. the service's name; default: the first item's label)
    and is kept with the payment when the payable is deleted."""
    if not items or any(item.amount_cents <= 0 for item in items):
        raise PaymentError("a payment needs fee items with positive amounts")
    with transaction.atomic():
        payment = Payment.objects.create(
            reference=payment_reference_new(),
            purpose=purpose[:140],
            payable_label=(label or items[0].label)[:200],
            payer=payer,
            unit=unit,
            payable_type=ContentType.objects.get_for_model(payable),
            payable_id=str(payable.pk),
            amount_cents=sum(item.amount_cents for item in items),
            method=method,
            next_url=next_url if next_url.startswith("/") else "",
        )
        PaymentItem.objects.bulk_create(
            PaymentItem(
                payment=payment,
                code=item.code,
                label=item.label,
                amount_cents=item.amount_cents,
                position=n,
            )
            for n, item in enumerate(items)
        )
        audit_record(action="payment.created", actor=payer, obj=payment)
    return payment


def payment_start(*, payment: Payment) -> str:
    """Register the payment with the provider; return the URL to send the payer to."""
    provider = payment_provider()
    site = settings.SITE_URL.rstrip("/")
    with transaction.atomic():
        locked = Payment.objects.select_for_update().get(pk=payment.pk)
        if locked.state != PaymentState.CREATED:
            raise PaymentError("this payment was already started")
        result = provider.start(
            payment=locked,
            return_url=site + reverse("payments:return", args=[locked.public_id]),
            notify_url=site + reverse("payments:notify"),
        )
        locked.state = PaymentState.PENDING
        locked.provider = provider.key
        locked.provider_reference = result.provider_reference
        locked.save(update_fields=["state", "provider", "provider_reference", "updated_at"])
        audit_record(action="payment.started", actor=locked.payer, obj=locked)
    payment.refresh_from_db()
    return result.redirect_url


def payment_retry(*, payment: Payment) -> Payment:
    """A fresh payment with the same payable, items and payer, after a failure or cancellation."""
    if payment.state not in {PaymentState.FAILED, PaymentState.CANCELLED}:
        raise PaymentError("only a failed or cancelled payment can be tried again")
    payable = payment.payable
    if payable is None:
        raise PaymentError("the payable no longer exists")
    return payment_create(
        payable=payable,
        payer=payment.payer,
        purpose=payment.purpose,
        label=payment.payable_label,
        items=[FeeItem(i.code, i.label, i.amount_cents) for i in payment.items.all()],
        unit=payment.unit,
        next_url=payment.next_url,
    )
