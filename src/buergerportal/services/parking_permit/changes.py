"""Changing a permit's plate or address: checked against the registers, paid, replaced.

The resident names the new plate (or keeps it, e.g. after moving); the registers answer the
address and the holder. After the change fee is paid, the old permit is revoked ("replaced")
and a replacement with the same validity lands in the mailbox.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from buergerportal.accounts.models import User
from buergerportal.core.audit import audit_record
from buergerportal.core.money import euros
from buergerportal.notifications.mailbox import message_deliver
from buergerportal.payments.creation import FeeItem, payment_create
from buergerportal.payments.models import Payment
from buergerportal.registers.identity import person_for_user
from buergerportal.registers.registry import vehicle_register

from .fees import CHANGE_CODE, change_fee
from .issue import permit_create, permit_filename, permit_pdf, permit_revoke
from .models import Permit, PermitChange
from .zones import zone_for_address


class ChangeRefused(Exception):
    """The registers do not support the change; the message says why."""


def permit_change_request(*, permit: Permit, user: User, plate: str) -> Payment:
    """Check the change against the registers and create the payment for the change fee."""
    if not permit_is_current(permit):
        raise ChangeRefused(_("This permit is no longer valid, so it cannot be changed."))
    person = person_for_user(user)
    if person is None or person.person_key != permit.person_key:
        raise ChangeRefused(_("Your account is not linked to the resident register."))
    zone = zone_for_address(person.address) if person.main_residence else None
    if zone is None:
        raise ChangeRefused(_("Your registered main residence is not in a resident parking zone."))
    vehicle = vehicle_register().vehicle(plate)
    if vehicle is None or vehicle.holder_person_key != person.person_key:
        raise ChangeRefused(
            _(
                "This vehicle is not registered to you. For a company or family car, apply "
                "anew with the holder's usage declaration."
            )
        )
    if plate == permit.plate and zone == permit.zone:
        raise ChangeRefused(_("Nothing has changed: same plate and same zone."))
    with transaction.atomic():
        change = PermitChange.objects.create(permit=permit, new_plate=plate, new_zone=zone)
        audit_record(action="parking_permit.change_requested", actor=user, obj=change)
        return payment_create(
            payable=change,
            payer=user,
            purpose=permit.reference,
            items=[
                FeeItem(
                    CHANGE_CODE,
                    _("Change of resident parking permit"),
                    change_fee(on=timezone.localdate()),
                )
            ],
            unit=permit.unit,
            next_url=reverse("parking_permit:list"),
        )


def permit_is_current(permit: Permit) -> bool:
    return permit.status == Permit.Status.VALID and permit.valid_until >= timezone.localdate()


def permit_change_paid(payment: Payment) -> None:
    """The payments listener: issue the replacement once (idempotent).

    The permit being replaced is locked, so two changes paid in two tabs cannot both replace
    it: the second finds it replaced (or no longer valid) and its fee is refunded instead.
    """
    with transaction.atomic():
        change = (
            PermitChange.objects.select_for_update(of=("self",))
            .select_related("permit__application", "permit__holder", "permit__unit", "new_zone")
            .get(pk=payment.payable_id)
        )
        if change.status != PermitChange.Status.AWAITING_PAYMENT:
            return
        old = Permit.objects.select_for_update().get(pk=change.permit_id)
        if not permit_is_current(old):
            _change_refund(change=change, payment=payment, permit=old)
            return
        replacement = permit_create(
            replaces=old,
            person_key=old.person_key,
            plate=change.new_plate,
            zone=change.new_zone,
            valid_from=old.valid_from,
            valid_until=old.valid_until,
        )
        permit_revoke(permit=old, reason=_("replaced after a change"))
        change.status = PermitChange.Status.DONE
        change.replacement = replacement
        change.save(update_fields=["status", "replacement"])
        user = old.holder
        if user is not None:
            with translation.override(old.language):
                message_deliver(
                    recipient=user,
                    application=old.application,
                    subject=_("Your changed resident parking permit"),
                    body=_(
                        "Here is your permit for %(plate)s in zone %(zone)s. The old permit is "
                        "no longer valid."
                    )
                    % {"plate": replacement.plate, "zone": replacement.zone.code},
                    attachments=(
                        (
                            permit_filename(replacement),
                            permit_pdf(permit=replacement),
                            "application/pdf",
                        ),
                    ),
                )


def _change_refund(*, change: PermitChange, payment: Payment, permit: Permit) -> None:
    """A paid change that can no longer be made: refund the fee and tell the resident why."""
    from buergerportal.payments.refunds import refund_automatic

    change.status = PermitChange.Status.REFUNDED
    change.save(update_fields=["status"])
    user = permit.holder
    with translation.override(permit.language):
        reason = _(
            "The permit for %(plate)s had already been replaced or was no longer valid when the "
            "change was paid."
        ) % {"plate": permit.plate}
        refund_automatic(payment=payment, reason=reason)
        audit_record(action="parking_permit.change_refunded", obj=change)
        if user is not None:
            message_deliver(
                recipient=user,
                application=permit.application,
                subject=_("Your permit change could not be made: the fee is refunded"),
                body=_(
                    "%(reason)s Nothing was changed by this payment; the fee of %(amount)s is "
                    "being paid back to you. Your permits: %(url)s"
                )
                % {
                    "reason": reason,
                    "amount": euros(payment.amount_cents),
                    "url": settings.SITE_URL + reverse("parking_permit:list"),
                },
            )
