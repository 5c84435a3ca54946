"""The parking permit's checks (StVO §45(1b) Nr. 2a): plain functions of the answers.

The engine adds ``_applicant`` (the logged-in resident) to the answers; the checks ask the
registers what the city already knows about them (once-only).
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.utils import timezone

from buergerportal.catalogue.definitions import Answers, CheckResult, FeeContext, Text
from buergerportal.registers.identity import person_for_user
from buergerportal.registers.registry import vehicle_register

from .fees import permit_fee
from .models import Permit
from .validity import first_permit_period, in_renewal_window, renewal_period
from .zones import zone_for_address

NOT_LINKED = Text(
    "Ihr Konto ist nicht mit dem Melderegister verknüpft (Anmeldung mit Online-Ausweis nötig)",
    "Your account is not linked to the resident register (log in with your eID)",
)

# The checks' reasons by code; a check result stores the code and its params, and the case page
# renders them in the reader's language (``Check.reason``).
ZONE_REASONS = {
    "not_linked": NOT_LINKED,
    "no_main_residence": Text(
        "Laut Melderegister ist hier nicht Ihr Hauptwohnsitz",
        "The resident register does not show your main residence here",
    ),
    "not_in_zone": Text(
        "Ihre Anschrift ({address}) liegt in keiner Bewohnerparkzone",
        "Your address ({address}) is not in a resident parking zone",
    ),
    "zone": Text("Zone {zone} {zone_name}", "Zone {zone} {zone_name}"),
}
HOLDER_REASONS = {
    "plate_unknown": Text(
        "Das Kennzeichen ist im Fahrzeugregister nicht zu finden",
        "The number plate is not in the vehicle register",
    ),
    "other_holder": Text(
        "Das Fahrzeug ist auf jemand anderen zugelassen; die Nutzungserklärung prüft die "
        "Sachbearbeitung",
        "The vehicle is registered to someone else; a clerk checks the usage declaration",
    ),
}
ONE_PERMIT_REASONS = {
    "not_linked": NOT_LINKED,
    "suspended": Text(
        "Ihr Ausweis für {plate} ist ausgesetzt, bis die Gebühr bezahlt ist",
        "Your permit for {plate} is suspended until its fee is paid",
    ),
    "renewal": Text(
        "Verlängerung des Ausweises für {plate} ins nächste Jahr",
        "Renewal of the permit for {plate} into next year",
    ),
    "valid_permit": Text(
        "Sie haben schon einen gültigen Ausweis (für {plate})",
        "You already hold a valid permit (for {plate})",
    ),
}
VEHICLE_CLASS_REASONS = {
    "vehicle_unknown": Text("Fahrzeug unbekannt", "Vehicle unknown"),
    "class_not_allowed": Text(
        "Fahrzeugklasse {vehicle_class} ist nicht zugelassen",
        "Vehicle class {vehicle_class} is not allowed",
    ),
}

# What to do instead, for the results that stop an application before it is paid.
ZONE_REMEDIES = {
    "not_linked": Text(
        "Melden Sie sich mit Ihrem Online-Ausweis an: Dann prüfen wir Ihre Meldeanschrift "
        "selbst, und Sie müssen keine Nachweise hochladen.",
        "Sign in with your eID card: we then check your registered address ourselves, and you "
        "need not upload any evidence.",
    ),
    "no_main_residence": Text(
        "Einen Bewohnerparkausweis gibt es nur für den Hauptwohnsitz. Wenn Sie hier wohnen, "
        "melden Sie Ihren Hauptwohnsitz zuerst beim Bürgerservice an.",
        "A resident parking permit is only for your main residence. If you live here, register "
        "it as your main residence with the citizens' service first.",
    ),
    "not_in_zone": Text(
        "Für Anschriften außerhalb der Bewohnerparkzonen stellt die Stadt keinen Ausweis aus. "
        "Die Zonen und ihre Straßen stehen auf der Seite dieses Dienstes.",
        "The city issues no permit for addresses outside the resident parking zones. The zones "
        "and their streets are listed on this service's page.",
    ),
}
ONE_PERMIT_REMEDIES = {
    "not_linked": ZONE_REMEDIES["not_linked"],
    "suspended": Text(
        "Bezahlen Sie die offene Gebühr über den Link in Ihrem Postfach; dann gilt Ihr Ausweis "
        "wieder.",
        "Pay the outstanding fee with the link in your mailbox; your permit is then valid again.",
    ),
    "valid_permit": Text(
        "Ein neues Fahrzeug tragen Sie unter „Ihre Bewohnerparkausweise“ in Ihren Ausweis ein.",
        "To use a new vehicle, change the plate on your permit under “Your resident parking "
        "permits”.",
    ),
}
VEHICLE_CLASS_REMEDIES = {
    "class_not_allowed": Text(
        "Für diese Fahrzeugklasse gibt es keinen Bewohnerparkausweis. Prüfen Sie das "
        "Kennzeichen, oder beantragen Sie den Ausweis für ein anderes Fahrzeug.",
        "There is no resident parking permit for this class of vehicle. Check the number plate, "
        "or apply for another vehicle.",
    ),
}


def uses_other_vehicle(answers: Answers) -> bool:
    return answers.get("own_vehicle") == "no"


def main_residence_in_zone(answers: Answers) -> CheckResult:
    person = person_for_user(answers.get("_applicant"))
    if person is None:
        return CheckResult(False, "not_linked")
    if not person.main_residence:
        return CheckResult(False, "no_main_residence")
    zone = zone_for_address(person.address)
    if zone is None:
        return CheckResult(False, "not_in_zone", {"address": str(person.address)})
    return CheckResult(True, "zone", {"zone": zone.code, "zone_name": zone.name})


def vehicle_registered_to_applicant(answers: Answers) -> CheckResult:
    person = person_for_user(answers.get("_applicant"))
    vehicle = vehicle_register().vehicle(answers.get("plate", ""))
    if vehicle is None:
        return CheckResult(False, "plate_unknown")
    if person is not None and vehicle.holder_person_key == person.person_key:
        return CheckResult(True)
    return CheckResult(False, "other_holder")


def no_other_valid_permit(answers: Answers) -> CheckResult:
    person = person_for_user(answers.get("_applicant"))
    if person is None:
        return CheckResult(False, "not_linked")
    suspended = Permit.objects.filter(
        person_key=person.person_key,
        status=Permit.Status.SUSPENDED,
        valid_until__gte=timezone.localdate(),
    ).first()
    if suspended is not None:  # pay the fee (the mailbox has the link) rather than apply anew
        return CheckResult(False, "suspended", {"plate": suspended.plate})
    other = Permit.objects.filter(
        person_key=person.person_key,
        status=Permit.Status.VALID,
        valid_until__gte=timezone.localdate(),
    ).first()
    if other is not None and renewal_of(other) is not None:
        return CheckResult(True, "renewal", {"plate": other.plate})
    if other is not None:
        return CheckResult(False, "valid_permit", {"plate": other.plate})
    return CheckResult(True)


def renewal_of(permit: Permit, today: date | None = None) -> Permit | None:
    """The permit a new application renews: one ending this year, in the renewal window, not
    renewed already (by direct debit or by an earlier application)."""
    today = today or timezone.localdate()
    if (
        permit.valid_until == date(today.year, 12, 31)
        and in_renewal_window(today)
        and not permit.auto_renew
        and not Permit.objects.filter(renewed_from=permit).exists()
    ):
        return permit
    return None


def vehicle_class_allowed(answers: Answers) -> CheckResult:
    vehicle = vehicle_register().vehicle(answers.get("plate", ""))
    if vehicle is None:
        return CheckResult(False, "vehicle_unknown")
    if vehicle.vehicle_class in settings.PARKING_PERMIT_VEHICLE_CLASSES:
        return CheckResult(True)
    return CheckResult(False, "class_not_allowed", {"vehicle_class": vehicle.vehicle_class})


def permit_starts_on(context: FeeContext) -> date:
    """The day the applied-for permit would start: 1 January for a renewal, else today."""
    person = context.person()
    if person is not None:
        current = Permit.objects.filter(
            person_key=person.person_key,
            status=Permit.Status.VALID,
            valid_until__gte=context.today,
        ).first()
        if current is not None and renewal_of(current, context.today) is not None:
            return renewal_period(context.today.year + 1).valid_from
    return first_permit_period(context.today).valid_from


def fee(context: FeeContext) -> int:
    """The fee of the schedule valid on the day the permit starts (``fees.py``)."""
    return permit_fee(starts_on=permit_starts_on(context))


def applicant_facts(user: object) -> list[tuple[Text, str]]:
    """Once-only: name, address and zone from the resident register, shown, not asked."""
    person = person_for_user(user)
    if person is None:
        return [(Text("Melderegister", "Resident register"), str(NOT_LINKED))]
    zone = zone_for_address(person.address)
    return [
        (Text("Name", "Name"), person.full_name),
        (Text("Anschrift (Hauptwohnsitz)", "Address (main residence)"), str(person.address)),
        (
            Text("Parkzone", "Parking zone"),
            f"{zone.code} {zone.name}" if zone else str(Text("keine", "none")),
        ),
    ]
