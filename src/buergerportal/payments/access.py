"""Permission-scoped fetchers: every view reads payments, receipts and mandates through these."""

from __future__ import annotations

from uuid import UUID

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q, QuerySet
from django.http import Http404

from buergerportal.accounts.models import User
from buergerportal.accounts.permissions import units_for_staff

from .models import Mandate, Payment, Receipt


def payment_for_payer(user: User, public_id: UUID) -> Payment:
    """The payer's own payment, or 404 (also for other people's payments)."""
    if not user.is_authenticated:
        raise Http404
    try:
        return Payment.objects.select_related("receipt").get(public_id=public_id, payer=user)
    except Payment.DoesNotExist:
        raise Http404 from None


def receipt_for_payer(user: User, public_id: UUID) -> Receipt:
    payment = payment_for_payer(user, public_id)
    try:
        return payment.receipt
    except Receipt.DoesNotExist:
        raise Http404 from None


def payments_for_payable(payable: models.Model) -> QuerySet[Payment]:
    """Every payment for one payable, newest first.

    The caller has fetched the payable through its own permission-scoped fetcher; whoever may
    see the payable may see that it was paid."""
    return (
        Payment.objects.filter(
            payable_type=ContentType.objects.get_for_model(payable), payable_id=str(payable.pk)
        )
        .select_related("receipt")
        .order_by("-created_at", "-pk")
    )


def user_is_finance(user: User) -> bool:
    return user.is_authenticated and user.has_perm("payments.view_reconciliation")


def payments_for_staff(user: User) -> QuerySet[Payment]:
    """Payments of the units this member of staff works in; the finance office sees all."""
    if not user.is_authenticated:
        return Payment.objects.none()
    if user_is_finance(user):
        return Payment.objects.all()
    return Payment.objects.filter(Q(unit__in=units_for_staff(user)))


def payment_for_staff(user: User, public_id: UUID) -> Payment:
    try:
        return payments_for_staff(user).select_related("unit").get(public_id=public_id)
    except Payment.DoesNotExist:
        raise Http404 from None


def mandates_for_payer(user: User) -> QuerySet[Mandate]:
    if not user.is_authenticated:
        return Mandate.objects.none()
    return Mandate.objects.filter(payer=user)


def mandate_for_payer(user: User, reference: str) -> Mandate:
    try:
        return mandates_for_payer(user).get(reference=reference)
    except Mandate.DoesNotExist:
        raise Http404 from None
