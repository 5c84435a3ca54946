"""Deregistering a dog: the tax ends with the month the keeping ended; what was paid for later
months is refunded (the payments' automatic refund, by the payment's own route)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Model
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from buergerportal.accounts.models import User
from buergerportal.core.audit import audit_record
from buergerportal.core.money import euros
from buergerportal.notifications.mailbox import message_deliver
from buergerportal.payments.access import payments_for_payable
from buergerportal.payments.cancellation import payment_cancel
from buergerportal.payments.creation import FeeItem, payment_create
from buergerportal.payments.models import Payment
from buergerportal.payments.models.payment import OPEN_STATES
from buergerportal.payments.refunds import refund_automatic, refund_available_cents
from buergerportal.payments.sepa.mandates import debit_schedule

from . import rules
from .issue import liability_of
from .models import Dog


class DeregistrationRefused(Exception):
    """The message says why, for the resident; nothing was changed."""


@dataclass(frozen=True)
class Deregistered:
    dog: Dog
    tax_ends_on: date
    refunded_cents: int
    cancelled_cents: int = 0


def overpaid_cents(*, dog: Dog, assessed_until: date, tax_end: date) -> int:
    """What was assessed for the months after the tax ended."""
    if assessed_until <= tax_end:
        return 0
    return rules.cents_for(liability_of(dog), tax_end + timedelta(days=1), assessed_until)


def _dog_payments(dog: Dog) -> list[Payment]:
    payments = list(payments_for_payable(dog))
    if dog.application is not None:
        payments += list(payments_for_payable(dog.application))
    return payments


def _period(dog: Dog, payment: Payment) -> tuple[date, date] | None:
    """The months a payment of the dog's tax is for: the first notice's (from the start of the
    tax to the end of the year of approval, purpose: the reference) or a yearly notice's year
    (purpose: reference and year)."""
    if payment.purpose == dog.reference:
        return rules.tax_starts_on(kept_from=dog.kept_from, born_on=dog.born_on), date(
            dog.tag_year, 12, 31
        )
    head, _sep, year = payment.purpose.rpartition(" ")
    if head == dog.reference and year.isdigit():
        return date(int(year), 1, 1), date(int(year), 12, 31)
    return None


def _unpaid_cut(*, dog: Dog, tax_end: date, reason: str) -> int:
    """Cancel what is still to be collected or paid for months after the tax ended (a scheduled
    debit, an open transfer or online payment; ``payment_cancel`` locks them). Where some of its
    months are still owed, a new debit or payment for those months replaces it. Returns the
    cents no longer asked for."""
    cut = 0
    liability = liability_of(dog)
    for payment in _dog_payments(dog):
        if payment.state not in OPEN_STATES:
            continue
        period = _period(dog, payment)
        if period is None:
            continue
        first, last = period
        owed = rules.cents_for(liability, first, min(last, tax_end)) if first <= tax_end else 0
        if owed >= payment.amount_cents:
            continue
        mandate = payment.direct_debit.mandate if payment.method == "sepa_debit" else None
        due_on = payment.direct_debit.due_on if mandate is not None else None
        items = [FeeItem(i.code, i.label, owed) for i in payment.items.all()[:1]]
        if not payment_cancel(payment=payment, reason=reason):
            continue  # already in a collection file: refunded once collected
        cut += payment.amount_cents - owed
        if owed <= 0:
            continue
        payable: Model = dog
        if payment.purpose == dog.reference and dog.application is not None:
            payable = dog.application  # the first notice's remainder stays the registration's
        if mandate is not None and mandate.is_active and due_on is not None:
            debit_schedule(
                mandate=mandate,
                payable=payable,
                purpose=payment.purpose,
                items=items,
                due_on=due_on,
                unit=dog.unit,
            )
        else:
            payment_create(
                payable=payable,
                payer=dog.holder,
                purpose=payment.purpose,
                items=items,
                unit=dog.unit,
                next_url=reverse("dog_tax:mine"),
            )
    return cut


def _refund(*, dog: Dog, cents: int, reason: str) -> int:
    """Refund up to ``cents`` from the dog's booked payments, the latest first."""
    payments = _dog_payments(dog)
    refunded = 0
    for payment in sorted(payments, key=lambda p: p.created_at, reverse=True):
        if refunded >= cents:
            break
        if refund_available_cents(payment=payment) <= 0:
            continue
        refund = refund_automatic(payment=payment, reason=reason, amount_cents=cents - refunded)
        if refund is not None:
            refunded += refund.amount_cents
    return refunded


def dog_deregister(
    *, dog: Dog, user: User, ended_on: date, reason: str, new_holder: str = ""
) -> Deregistered:
    today = timezone.localdate()
    with transaction.atomic():
        dog = (
            Dog.objects.select_for_update(of=("self",))
            .select_related("application")
            .get(pk=dog.pk, holder=user)
        )
        if dog.ended_on is not None:
            raise DeregistrationRefused(
                _("%(name)s was deregistered already, as of %(date)s.")
                % {"name": dog.name, "date": date_format(dog.ended_on, "DATE_FORMAT")}
            )
        if dog.status != Dog.Status.VALID:
            raise DeregistrationRefused(_("This registration is no longer valid."))
        if ended_on > today:
            raise DeregistrationRefused(
                _("The date is in the future. Deregister the dog once you no longer keep it.")
            )
        if ended_on < dog.kept_from:
            raise DeregistrationRefused(
                _("The date is before the dog was registered with you (keeping since %(date)s).")
                % {"date": date_format(dog.kept_from, "DATE_FORMAT")}
            )
        tax_end = rules.tax_ends_on(ended_on)
        assessed_until = dog.valid_until
        dog.ended_on = ended_on
        dog.end_reason = reason
        dog.new_holder = new_holder if reason == Dog.EndReason.HANDED_OVER else ""
        dog.deregistered_at = timezone.now()
        dog.valid_until = max(dog.valid_from, min(assessed_until, tax_end))
        dog.save(
            update_fields=["ended_on", "end_reason", "new_holder", "deregistered_at", "valid_until"]
        )
        overpaid = overpaid_cents(dog=dog, assessed_until=assessed_until, tax_end=tax_end)
        with translation.override(dog.language):
            why = _("dog tax ended, tag %(tag)s") % {"tag": dog.tag}
            cancelled = _unpaid_cut(dog=dog, tax_end=tax_end, reason=why)
            overpaid = max(0, overpaid - cancelled)
            refunded = _refund(dog=dog, cents=overpaid, reason=why) if overpaid > 0 else 0
            body = _(
                "You have deregistered %(name)s (tag %(tag)s) as of %(date)s. The dog tax ends "
                "with %(month)s. Please return the dog tag to the tax office."
            ) % {
                "name": dog.name,
                "tag": dog.tag,
                "date": date_format(ended_on, "DATE_FORMAT"),
                "month": date_format(tax_end, "YEAR_MONTH_FORMAT"),
            }
            if cancelled:
                body += " " + _(
                    "%(amount)s not yet collected or paid for the months after that is "
                    "cancelled: you do not have to pay it."
                ) % {"amount": euros(cancelled)}
            if refunded:
                body += " " + _("We refund the %(amount)s paid for the months after that.") % {
                    "amount": euros(refunded)
                }
            message_deliver(
                recipient=user,
                application=dog.application,
                subject=_("Dog deregistered: %(name)s") % {"name": dog.name},
                body=body,
            )
        audit_record(
            action="dog_tax.deregistered",
            actor=user,
            obj=dog,
            data={"reason": reason, "refunded_cents": refunded, "cancelled_cents": cancelled},
        )
    return Deregistered(
        dog=dog, tax_ends_on=tax_end, refunded_cents=refunded, cancelled_cents=cancelled
    )
