"""The yearly assessment: every dog still kept is assessed for the new year.

It runs as the entitlements' renewal of this kind (``entitlements.renewal.entitlements_renew``,
daily job ``entitlements.renew`` in December, or ``dog_tax_assess`` by hand): for each dog the
rate is worked out again (first or further dog of the household, listed breed, an exemption
that ends), the dog's period moves on to 31 December, the tax is scheduled as a direct debit
under the holder's mandate (the engine's ``debit_schedule``; the run ends with one pain.008
collection file) or, without a mandate, set up as a payment to make by transfer or online, and
the notice goes into the holder's mailbox.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from buergerportal.core.money import euros
from buergerportal.entitlements.renewal import RenewalFigures, entitlements_renew
from buergerportal.notifications.mailbox import message_deliver
from buergerportal.payments.creation import FeeItem, payment_create
from buergerportal.payments.models import Mandate
from buergerportal.payments.sepa.mandates import debit_schedule
from buergerportal.payments.sepa.prenotification import debit_prenotification

from . import rules
from .issue import transfer_text
from .models import Dog


def household_rank_further(dog: Dog) -> bool:
    """A further dog: the holder keeps another dog registered before this one."""
    if dog.holder_id is None:
        return dog.further
    return (
        Dog.objects.filter(holder_id=dog.holder_id, status=Dog.Status.VALID, ended_on=None)
        .filter(pk__lt=dog.pk)
        .exists()
    )


def dog_assess_year(*, dog_id: int, year: int, due_on: date) -> str:
    """Assess one dog for ``year``; returns "renewed", "done_before" or why not."""
    with transaction.atomic():
        dog = Dog.objects.select_for_update(of=("self",)).select_related("holder").get(pk=dog_id)
        if dog.status != Dog.Status.VALID or dog.ended_on is not None:
            return "done_before"
        if dog.valid_until >= date(year, 12, 31):
            return "done_before"
        further = household_rank_further(dog)
        liability = rules.Liability(
            listed=dog.listed, further=further, claim=dog.claim, claim_until=dog.claim_until
        )
        cents = rules.cents_for(liability, date(year, 1, 1), date(year, 12, 31))
        dog.further = further
        dog.valid_until = date(year, 12, 31)
        dog.save(update_fields=["further", "valid_until"])
        user = dog.holder
        if user is None:
            return "no_holder"
        with translation.override(dog.language):
            subject = _("Dog tax notice %(year)s: %(name)s, tag %(tag)s") % {
                "year": year,
                "name": dog.name,
                "tag": dog.tag,
            }
            body = _("The dog tax for %(name)s (tag %(tag)s) for %(year)s is %(amount)s.") % {
                "name": dog.name,
                "tag": dog.tag,
                "year": year,
                "amount": euros(cents),
            }
            if cents > 0:
                body += "\n\n" + _payment_text(dog=dog, year=year, cents=cents, due_on=due_on)
            body += "\n\n" + _("The notice as PDF: %(url)s") % {
                "url": settings.SITE_URL + reverse("dog_tax:notice", args=[dog.pk, year])
            }
            message_deliver(recipient=user, subject=subject, body=body)
    return "renewed"


def _payment_text(*, dog: Dog, year: int, cents: int, due_on: date) -> str:
    item = FeeItem(
        liability_code(dog),
        _("Dog tax %(year)s, tag %(tag)s") % {"year": year, "tag": dog.tag},
        cents,
    )
    purpose = f"{dog.reference} {year}"
    mandate = (
        Mandate.objects.filter(payer=dog.holder, revoked_at=None, lapsed_at=None)
        .order_by("-signed_on")
        .first()
    )
    if mandate is not None and mandate.is_active:
        payment = debit_schedule(
            mandate=mandate,
            payable=dog,
            purpose=purpose,
            items=[item],
            due_on=due_on,
            unit=dog.unit,
        )
        return debit_prenotification(payment=payment)
    payment = payment_create(
        payable=dog,
        payer=dog.holder,
        purpose=purpose,
        items=[item],
        unit=dog.unit,
        next_url=reverse("dog_tax:mine"),
    )
    return (
        _("Please pay %(amount)s by %(due)s.")
        % {
            "amount": euros(cents),
            "due": date_format(due_on, "DATE_FORMAT"),
        }
        + " "
        + transfer_text(payment.reference)
    )


def liability_code(dog: Dog) -> str:
    return rules.Liability(listed=dog.listed, further=dog.further, claim=dog.claim).code


def dogs_assess(*, year: int, due_on: date | None = None) -> RenewalFigures:
    """Assess every dog still kept for ``year`` (the entitlements' yearly run for this kind)."""
    from .entitlement import DOG_KIND

    return entitlements_renew(kind=DOG_KIND, year=year, due_on=due_on)
