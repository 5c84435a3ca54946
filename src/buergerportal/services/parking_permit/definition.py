from django import forms

from buergerportal.catalogue.definitions import (
    Check,
    Evidence,
    LegalBasis,
    ServiceDefinition,
    Step,
    Text,
    TrustLevel,
    Workflow,
    short_label,
)

from . import rules
from .fees import PERMIT_CODE
from .fields import PlateField
from .issue import permit_documents, permit_notice_lines, permit_on_approve

YES_NO = [("yes", Text("Ja", "Yes").lazy()), ("no", Text("Nein", "No").lazy())]

SERVICE = ServiceDefinition(
    slug="bewohnerparkausweis",
    key="99108001001000",
    title=Text("Bewohnerparkausweis", "Resident parking permit"),
    summary=Text(
        "Wer in einer Bewohnerparkzone wohnt, kann dort mit einem Bewohnerparkausweis parken.",
        "If you live in a resident parking zone, a resident parking permit lets you park there.",
    ),
    unit="buergerservice",
    life_situations=("mobility",),
    eligibility=(
        Text(
            "Sie sind mit Hauptwohnsitz in der Parkzone gemeldet und wohnen dort.",
            "Your main residence is registered in the parking zone and you live there.",
        ),
        Text(
            "Das Fahrzeug ist auf Sie zugelassen oder dauerhaft von Ihnen genutzt.",
            "The vehicle is registered to you or in your permanent use.",
        ),
        Text(
            "Name und Anschrift kennt die Stadt aus dem Melderegister, Halter und Fahrzeugklasse "
            "aus dem Fahrzeugregister: Sie geben nur das Kennzeichen an.",
            "The city knows your name and address from the resident register and the holder "
            "and vehicle class from the vehicle register: you only enter the number plate.",
        ),
        Text(
            "Sind alle Prüfungen bestanden, entscheidet das Portal automatisch (§ 35a VwVfG) und "
            "Sie drucken den Ausweis sofort nach dem Bezahlen aus.",
            "When every check passes, the portal decides automatically (section 35a VwVfG) and "
            "you print the permit right after paying.",
        ),
    ),
    evidence=(
        Text(
            "Bei Firmen- oder Familienfahrzeugen: Nutzungserklärung des Halters",
            "For a company or family car: the holder's usage declaration",
        ),
    ),
    # The amounts come from the fee schedule (fees.py), shown above this text.
    fee=Text(
        "Die Gebühr gilt für ein Kalenderjahr; eine Änderung von Kennzeichen oder Anschrift kostet "
        "die Änderungsgebühr.",
        "The fee covers a calendar year; a change of number plate or address costs the change fee.",
    ),
    duration=Text("sofort, wenn alle Prüfungen bestanden sind", "at once when all checks pass"),
    legal_basis=Text("§ 45 Abs. 1b Nr. 2a StVO", "Section 45(1b) no. 2a StVO"),
    keywords=("parken", "parking", "auto", "car", "anwohner", "zone", "vignette"),
    steps=(
        Step(
            "fahrzeug",
            Text("Für welches Fahrzeug?", "For which vehicle?"),
            hint=Text(
                "Name und Anschrift übernehmen wir aus dem Melderegister.",
                "We take your name and address from the resident register.",
            ),
            fields={
                "plate": PlateField(
                    label=Text("Kennzeichen", "Number plate").lazy(),
                    help_text=Text("Zum Beispiel MA-AB 1234", "For example MA-AB 1234").lazy(),
                    error_messages={
                        "required": Text(
                            "Geben Sie das Kennzeichen ein", "Enter the number plate"
                        ).lazy()
                    },
                ),
                "own_vehicle": short_label(
                    forms.ChoiceField(
                        label=Text(
                            "Ist das Fahrzeug auf Sie zugelassen?",
                            "Is the vehicle registered in your name?",
                        ).lazy(),
                        choices=YES_NO,
                        widget=forms.RadioSelect,
                        error_messages={
                            "required": Text("Wählen Sie Ja oder Nein", "Select yes or no").lazy()
                        },
                    ),
                    Text("Zulassung", "Registration"),
                ),
            },
        ),
        Step(
            "nutzung",
            Text("Wer ist Halter des Fahrzeugs?", "Who holds the vehicle?"),
            condition=rules.uses_other_vehicle,
            fields={
                "usage_explanation": short_label(
                    forms.CharField(
                        label=Text(
                            "Warum nutzen Sie das Fahrzeug dauerhaft?",
                            "Why is the vehicle in your permanent use?",
                        ).lazy(),
                        help_text=Text(
                            "Zum Beispiel Firmenwagen oder Auto der Eltern",
                            "For example a company car or your parents' car",
                        ).lazy(),
                        max_length=1000,
                        widget=forms.Textarea(attrs={"rows": 4}),
                        error_messages={
                            "required": Text(
                                "Erklären Sie, warum Sie das Fahrzeug nutzen",
                                "Explain why you use the vehicle",
                            ).lazy()
                        },
                    ),
                    Text("Dauerhafte Nutzung", "Permanent use"),
                ),
            },
            evidence=("usage_declaration",),
        ),
    ),
    uploads=(
        Evidence(
            "usage_declaration",
            Text(
                "Nutzungserklärung des Halters (PDF, PNG oder JPEG)",
                "The holder's usage declaration (PDF, PNG or JPEG)",
            ),
        ),
    ),
    fee_rule=rules.fee,
    fee_item_code=PERMIT_CODE,  # the same finance code as the yearly renewal by direct debit
    checks=(
        Check(
            "zone",
            Text("Hauptwohnsitz in einer Parkzone", "Main residence in a parking zone"),
            rules.main_residence_in_zone,
            reasons=rules.ZONE_REASONS,
            stops=frozenset({"not_linked", "no_main_residence", "not_in_zone"}),
            remedies=rules.ZONE_REMEDIES,
            on_start=True,
        ),
        Check(
            "holder",
            Text("Fahrzeug auf Sie zugelassen", "Vehicle registered to you"),
            rules.vehicle_registered_to_applicant,
            reasons=rules.HOLDER_REASONS,
        ),
        Check(
            "one_permit",
            Text("Kein anderer gültiger Ausweis", "No other valid permit"),
            rules.no_other_valid_permit,
            reasons=rules.ONE_PERMIT_REASONS,
            stops=frozenset({"not_linked", "suspended", "valid_permit"}),
            remedies=rules.ONE_PERMIT_REMEDIES,
            on_start=True,
        ),
        Check(
            "vehicle_class",
            Text("Fahrzeugklasse zugelassen", "Vehicle class allowed"),
            rules.vehicle_class_allowed,
            reasons=rules.VEHICLE_CLASS_REASONS,
            stops=frozenset({"class_not_allowed"}),
            remedies=rules.VEHICLE_CLASS_REMEDIES,
        ),
    ),
    one_open_application=True,
    workflow=Workflow(
        may_decide_automatically=True,
        four_eyes=False,
        target_days=5,
        legal_basis=LegalBasis(
            citation=Text(
                "§ 35a VwVfG in Verbindung mit der Parkausweisordnung der Stadt",
                "Section 35a VwVfG (Administrative Procedure Act) with the city's parking "
                "permit rules",
            ),
            text=Text(
                "Ein Verwaltungsakt kann vollständig durch automatische Einrichtungen erlassen "
                "werden, sofern dies durch Rechtsvorschrift zugelassen ist und weder ein "
                "Ermessen noch ein Beurteilungsspielraum besteht. Die Parkausweisordnung der "
                "Stadt lässt dies für Bewohnerparkausweise zu, wenn Melde- und "
                "Fahrzeugregister alle Voraussetzungen bestätigen.",
                "An administrative act may be issued entirely by automatic means where a legal "
                "provision allows it and there is neither discretion nor a margin of "
                "appreciation. The city's parking permit rules allow this for resident parking "
                "permits where the population and vehicle registers confirm every condition.",
            ),
        ),
    ),
    retention_days=2 * 365,
    retention_rules=("parking_permits", "mandates"),
    on_approve=permit_on_approve,
    notice_lines=permit_notice_lines,
    result_documents=permit_documents,
    page_template="parking_permit/service_page.html",
    applicant_facts=rules.applicant_facts,
    registers=("resident", "vehicle"),
    # The register checks need a proven identity: BundID at level substantial or high.
    trust_level=TrustLevel.SUBSTANTIAL,
)
