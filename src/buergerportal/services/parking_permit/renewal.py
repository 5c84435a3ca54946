"""The yearly run: renew every still-eligible permit whose holder pays by direct debit.

For each permit valid until 31 December that the resident asked to renew automatically, the
registers are asked again (main residence in a zone, vehicle still theirs). Eligible permits get
next year's permit in the mailbox and a direct debit for the fee; the others are not renewed and
the resident is told why. At the end the debits go into one pain.008 collection file.
Each permit is renewed in its own transaction, so one failure stops nothing and a rerun only
picks up what is left.
"""

from __future__ import annotations

import logging
from datetime import date

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from buergerportal.catalogue.definitions import Text
from buergerportal.entitlements.renewal import RenewalFigures, entitlements_renew
from buergerportal.notifications.mailbox import message_deliver
from buergerportal.payments.creation import FeeItem
from buergerportal.payments.models import Mandate
from buergerportal.payments.sepa.mandates import debit_schedule
from buergerportal.payments.sepa.prenotification import debit_prenotification
from buergerportal.privacy.access_log import data_access_record
from buergerportal.registers.registry import resident_register, vehicle_register

from .fees import PERMIT_CODE, permit_fee
from .issue import permit_create
from .models import Permit, Zone
from .validity import renewal_period
from .zones import zone_for_address

logger = logging.getLogger(__name__)
BATCH = 200


def _current_zone(permit: Permit) -> tuple[Zone | None, str | None]:
    """The zone of the holder's *current* main residence (they may have moved since), or why
    the registers no longer support the permit, as a code."""
    # listed to the holder as an automatic check ("Wer hat meine Daten gesehen?")
    data_access_record(resident=permit.holder, action="register.person_read", about=permit)
    person = resident_register().person(permit.person_key)
    if person is None or not person.main_residence:
        return None, "no_main_residence"
    zone = zone_for_address(person.address)
    if zone is None:
        return None, "not_in_zone"
    vehicle = vehicle_register().vehicle(permit.plate)
    if vehicle is None or vehicle.holder_person_key != person.person_key:
        return None, "vehicle"
    return zone, None


REASONS = {
    "no_mandate": Text(
        "Es gibt kein gültiges Lastschriftmandat.",
        "There is no valid direct-debit mandate.",
    ),
    "no_main_residence": Text(
        "Laut Melderegister ist hier nicht mehr Ihr Hauptwohnsitz.",
        "The resident register no longer shows your main residence here.",
    ),
    "not_in_zone": Text(
        "Ihre Anschrift liegt in keiner Bewohnerparkzone mehr.",
        "Your address is no longer in a resident parking zone.",
    ),
    "vehicle": Text(
        "Das Fahrzeug ist nicht mehr auf Sie zugelassen; bitte beantragen Sie neu.",
        "The vehicle is no longer registered to you; please apply again.",
    ),
}


def permit_renew(*, permit_id: int, year: int, due_on: date) -> str:
    """Renew one permit; returns "renewed" or the reason code it was not renewed."""
    with transaction.atomic():
        permit = (
            Permit.objects.select_for_update(of=("self",))
            .select_related("application", "holder", "unit", "zone")
            .get(pk=permit_id)
        )
        if hasattr(permit, "renewal") or permit.status != Permit.Status.VALID:
            return "done_before"
        user = permit.holder
        if user is None:  # a guest's application: nobody to renew for
            return "no_mandate"
        mandate = (
            Mandate.objects.filter(payer=user, revoked_at=None, lapsed_at=None)
            .order_by("-signed_on")
            .first()
        )
        zone, reason = _current_zone(permit) if mandate is not None else (None, "no_mandate")
        language = permit.language
        if reason is not None or mandate is None or zone is None:
            reason = reason or "no_mandate"
            permit.auto_renew = False
            permit.save(update_fields=["auto_renew"])
            with translation.override(language):
                text = str(REASONS[reason])
                message_deliver(
                    recipient=user,
                    application=permit.application,
                    subject=_("Your resident parking permit was not renewed"),
                    body=_("We could not renew your permit for %(plate)s for %(year)s: %(why)s")
                    % {"plate": permit.plate, "year": year, "why": text},
                )
            return reason
        period = renewal_period(year)
        new = permit_create(
            person_key=permit.person_key,
            plate=permit.plate,
            zone=zone,  # from the current address: a move within the city changes the zone
            valid_from=period.valid_from,
            valid_until=period.valid_until,
            renewed_from=permit,
        )
        with translation.override(language):
            payment = debit_schedule(
                mandate=mandate,
                payable=new,
                purpose=f"{permit.reference} {year}",
                items=[
                    FeeItem(
                        PERMIT_CODE,
                        _("Resident parking permit %(year)s") % {"year": year},
                        permit_fee(starts_on=period.valid_from),  # the new year's fee
                    )
                ],
                due_on=due_on,
                unit=permit.unit,
            )
            message_deliver(
                recipient=user,
                application=permit.application,
                subject=_("Your resident parking permit for %(year)s") % {"year": year},
                body=_(
                    "Your permit for %(plate)s has been renewed for %(year)s. Print it from your "
                    "permits page: %(url)s\n\n%(prenotification)s"
                )
                % {
                    "plate": permit.plate,
                    "year": year,
                    "url": settings.SITE_URL + reverse("parking_permit:list"),
                    "prenotification": debit_prenotification(payment=payment),
                },
            )
    return "renewed"


def permits_renew(*, year: int, due_on: date | None = None) -> RenewalFigures:
    """Renew into ``year`` every auto-renewing permit valid until 31 December of the year before
    (the entitlements' yearly run for this kind; ``parking_permits_renew`` runs it by hand)."""
    from .entitlement import PERMIT_KIND

    return entitlements_renew(kind=PERMIT_KIND, year=year, due_on=due_on)
