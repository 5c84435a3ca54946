"""Dog tax registration (Hundesteuer-Anmeldung): the form, the rate, the checks, the notice.

The tax is assessed by the notice (``Charging.BY_NOTICE``): nothing is paid when registering;
approval registers the dog (``issue.py``: the entitlement with its tag number) and assesses the
first year's tax, collected under the resident's SEPA mandate or paid by transfer or online.
Listed breeds, exemptions and reductions go to a clerk; clean cases wait for a clerk's batch
confirmation, because no legal provision lets the city issue the tax notice automatically.
"""

from typing import Any

from django import forms

from buergerportal.catalogue.definitions import (
    Charging,
    Check,
    Evidence,
    ServiceDefinition,
    Step,
    Text,
    Workflow,
    short_label,
)

from . import rules
from .claims import claim_case_actions
from .fields import BreedField, ChipField
from .issue import dog_fee_code, dog_notice_lines, dog_on_approve

SLUG = "hundesteuer"


def _required(de: str, en: str) -> dict[str, Any]:
    return {"required": Text(de, en).lazy()}


DATE_ERRORS = {
    "required": Text("Geben Sie das Datum ein", "Enter the date").lazy(),
    "invalid": Text(
        "Geben Sie ein gültiges Datum ein, z. B. 15.06.2026", "Enter a real date, e.g. 2026-06-15"
    ).lazy(),
}

CLAIMS = [
    ("", Text("Nein, keine", "No, none").lazy()),
    (
        "assistance",
        Text(
            "Assistenz- oder Blindenführhund (dauerhaft steuerfrei)",
            "Assistance or guide dog (exempt for good)",
        ).lazy(),
    ),
    ("rescue", Text("Geprüfter Rettungshund (steuerfrei)", "Certified rescue dog (exempt)").lazy()),
    (
        "shelter",
        Text(
            "Hund aus dem städtischen Tierheim (die ersten 12 Monate steuerfrei)",
            "Dog from the city's animal shelter (exempt for the first 12 months)",
        ).lazy(),
    ),
    (
        "competence",
        Text(
            "Sachkundenachweis (Hundeführerschein; zwei Jahre steuerfrei)",
            "Certificate of competence (exempt for two years)",
        ).lazy(),
    ),
    (
        "social",
        Text(
            "Bezug von Sozialleistungen (halber Steuersatz für den ersten Hund)",
            "Social benefits (half the rate for the first dog)",
        ).lazy(),
    ),
]

SERVICE = ServiceDefinition(
    slug=SLUG,
    registers=("resident",),  # the holder's entry (figures/availability.py)
    key="99102013104000",
    title=Text("Hund anmelden (Hundesteuer)", "Register a dog (dog tax)"),
    summary=Text(
        "Einen Hund innerhalb eines Monats nach Beginn der Haltung anmelden; Steuerbescheid und "
        "Hundesteuermarke. Abmelden bei Tod, Abgabe oder Wegzug unter „Meine Hunde“.",
        "Register a dog within one month of starting to keep it; tax notice and dog tag. "
        "Deregister it on death, handing over or moving away under “My dogs”.",
    ),
    unit="steueramt",
    life_situations=("pets",),
    eligibility=(
        Text(
            "Sie halten einen Hund, der älter als drei Monate ist, und wohnen in der Stadt.",
            "You keep a dog older than three months and live in the city.",
        ),
        Text(
            "Anmeldung innerhalb eines Monats nach Beginn der Haltung (oder nachdem der Welpe "
            "drei Monate alt ist). Wer zu spät anmeldet, handelt ordnungswidrig (Geldbuße bis "
            "10.000 Euro).",
            "Register within one month of starting to keep the dog (or of the puppy turning "
            "three months). Registering late is an administrative offence (fine up to 10,000 "
            "euros).",
        ),
    ),
    evidence=(
        Text(
            "Chipnummer des Hundes (15 Ziffern); für eine Befreiung oder Ermäßigung der Nachweis "
            "(Ausweis, Bescheid, Tierheimvertrag, Sachkundebescheinigung)",
            "The dog's chip number (15 digits); for an exemption or reduction the evidence "
            "(card, decision letter, shelter contract, certificate of competence)",
        ),
    ),
    fee=Text(
        "Steuer je Jahr nach dem Steuersatz; im ersten Jahr anteilig ab dem Monat nach Beginn "
        "der Haltung. Fällig einen Monat nach dem Bescheid, danach jährlich am 15. Januar.",
        "Tax per year at the rate; in the first year pro rata from the month after the start of "
        "keeping. Due one month after the notice, then every year on 15 January.",
    ),
    duration=Text(
        "Steuerbescheid und Hundesteuermarke in wenigen Tagen",
        "tax notice and dog tag within a few days",
    ),
    legal_basis=Text(
        "Hundesteuersatzung der Stadt; § 4 GemO, §§ 2, 8 Abs. 2, 9 Abs. 3 KAG Baden-Württemberg",
        "the city's dog tax statute; § 4 GemO, §§ 2, 8(2), 9(3) KAG Baden-Württemberg",
    ),
    keywords=("hund", "dog", "steuer", "tax", "hundemarke", "tag", "hundesteuer", "abmelden"),
    steps=(
        Step(
            "hund",
            Text("Ihr Hund", "Your dog"),
            fields={
                "dog_name": forms.CharField(
                    label=Text("Name des Hundes", "Dog's name").lazy(),
                    max_length=80,
                    error_messages=_required("Geben Sie den Namen ein", "Enter the name"),
                ),
                "breed": BreedField(
                    label=Text("Rasse", "Breed").lazy(),
                    help_text=Text(
                        "Tippen Sie den Namen oder einen Teil davon: die Liste schlägt passende "
                        "Rassen vor, Listenhunde sind gekennzeichnet (höherer Steuersatz). Für "
                        "einen Mischling geben Sie „Mischling“ ein.",
                        "Type the name or part of it: the list suggests matching breeds, listed "
                        "breeds are marked (higher rate). For a mixed breed enter “Mixed breed”.",
                    ).lazy(),
                    error_messages=_required("Geben Sie die Rasse ein", "Enter the breed"),
                ),
                "sex": forms.ChoiceField(
                    label=Text("Geschlecht", "Sex").lazy(),
                    choices=[
                        ("female", Text("Hündin", "Female").lazy()),
                        ("male", Text("Rüde", "Male").lazy()),
                    ],
                    widget=forms.RadioSelect,
                    error_messages=_required("Wählen Sie das Geschlecht", "Choose the sex"),
                ),
                "colour": forms.CharField(
                    label=Text("Farbe", "Colour").lazy(),
                    max_length=80,
                    error_messages=_required("Geben Sie die Farbe ein", "Enter the colour"),
                ),
                "chip": ChipField(
                    label=Text("Chipnummer", "Chip number").lazy(),
                    help_text=Text(
                        "15 Ziffern nach ISO 11784, z. B. 276 09 8100123456",
                        "15 digits, ISO 11784, e.g. 276 09 8100123456",
                    ).lazy(),
                    error_messages=_required(
                        "Geben Sie die Chipnummer ein", "Enter the chip number"
                    ),
                ),
            },
        ),
        Step(
            "haltung",
            Text("Seit wann halten Sie den Hund?", "Since when do you keep the dog?"),
            hint=Text(
                "Ein Hund ist innerhalb eines Monats nach Beginn der Haltung anzumelden, ein "
                "Welpe innerhalb eines Monats, nachdem er drei Monate alt ist. Die Steuer läuft "
                "ab dem folgenden Monat.",
                "A dog must be registered within one month of the start of keeping, a puppy "
                "within one month of turning three months. The tax runs from the following month.",
            ),
            fields={
                "born_on": forms.DateField(
                    label=Text("Geburtsdatum des Hundes", "Dog's date of birth").lazy(),
                    widget=forms.DateInput(attrs={"type": "date"}),
                    error_messages=DATE_ERRORS,
                ),
                "kept_from": forms.DateField(
                    label=Text("Beginn der Haltung", "Start of keeping").lazy(),
                    widget=forms.DateInput(attrs={"type": "date"}),
                    error_messages=DATE_ERRORS,
                ),
                "previous": short_label(
                    forms.CharField(
                        label=Text(
                            "Vorherige Halterin oder vorheriger Halter, oder bisherige Gemeinde",
                            "Previous holder, or the municipality you moved from",
                        ).lazy(),
                        required=False,
                        max_length=200,
                    ),
                    Text("Vorherige Haltung", "Previous keeper"),
                ),
            },
            validate=rules.dates_valid,
        ),
        Step(
            "ermaessigung",
            Text(
                "Beantragen Sie eine Steuerbefreiung oder -ermäßigung?",
                "Do you claim an exemption or a reduction?",
            ),
            fields={
                "claim": forms.ChoiceField(
                    label=Text("Befreiung oder Ermäßigung", "Exemption or reduction").lazy(),
                    choices=CLAIMS,
                    widget=forms.RadioSelect,
                    required=False,
                ),
            },
        ),
        Step(
            "nachweis",
            Text("Ihr Nachweis", "Your evidence"),
            evidence=("claim_evidence",),
            condition=rules.claims_something,
        ),
    ),
    uploads=(
        Evidence(
            "claim_evidence",
            Text(
                "Nachweis für die Befreiung oder Ermäßigung (PDF, PNG oder JPEG)",
                "Evidence for the exemption or reduction (PDF, PNG or JPEG)",
            ),
            hint=Text(
                "Z. B. Ausweis des Assistenzhundes, Prüfungszeugnis, Tierheimvertrag, "
                "Sachkundebescheinigung oder Bescheid über Sozialleistungen",
                "E.g. the assistance dog's card, the test certificate, the shelter contract, the "
                "certificate of competence or the decision on social benefits",
            ),
        ),
    ),
    fee_rule=rules.fee,
    charging=Charging.BY_NOTICE,
    payment_due_days=30,
    fee_item_code_for=dog_fee_code,
    fee_item_label=Text("Hundesteuer", "Dog tax"),
    checks=(
        Check(
            "breed",
            Text("Keine Listenhunderasse", "Not a listed breed"),
            rules.breed_not_listed,
            reasons=rules.BREED_REASONS,
            declared=True,
        ),
        Check(
            "claim",
            Text("Keine Befreiung oder Ermäßigung beantragt", "No exemption or reduction claimed"),
            rules.no_claim,
            reasons=rules.CLAIM_REASONS,
            declared=True,
        ),
        Check(
            "in_time",
            Text("Rechtzeitig angemeldet", "Registered in time"),
            rules.registered_in_time,
            reasons=rules.LATE_REASONS,
            declared=True,
        ),
    ),
    # No legal provision lets the city issue a tax notice without a person (the KAG's reference
    # to § 155 (4) AO is unconfirmed): clean cases wait as "checked, awaiting confirmation".
    workflow=Workflow(may_decide_automatically=False, four_eyes=False, target_days=7),
    retention_days=3 * 365,
    decision_text=Text(
        "Der Hund ist zur Hundesteuer angemeldet; die Steuer wird wie folgt festgesetzt.",
        "The dog is registered for dog tax; the tax is assessed as follows.",
    ),
    on_approve=dog_on_approve,
    notice_lines=dog_notice_lines,
    case_actions=claim_case_actions,
)
