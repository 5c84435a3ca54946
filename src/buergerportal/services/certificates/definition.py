"""Civil-status certificates (Personenstandsurkunden): ordered, checked, paid, printed, posted."""

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
from .address import COUNTRIES, address_from_register, address_validate
from .fees import CERTIFICATE_CODE
from .fields import EventDateField, copies_field, name_field
from .issue import order_notice_lines, order_on_approve

KINDS = [
    ("birth", Text("Geburtsurkunde", "Birth certificate").lazy()),
    ("marriage", Text("Eheurkunde", "Marriage certificate").lazy()),
    ("partnership", Text("Lebenspartnerschaftsurkunde", "Civil-partnership certificate").lazy()),
    ("death", Text("Sterbeurkunde", "Death certificate").lazy()),
]
FORMS = [
    ("standard", Text("Urkunde", "Certificate").lazy()),
    (
        "international",
        Text(
            "Mehrsprachige (internationale) Urkunde", "Multilingual (international) certificate"
        ).lazy(),
    ),
    (
        "register_extract",
        Text(
            "Beglaubigter Registerausdruck (zum Beispiel für die Eheschließung)",
            "Certified register extract (for example to marry)",
        ).lazy(),
    ),
]
PURPOSES = [
    ("personal", Text("Persönliche Unterlagen", "Personal records").lazy()),
    ("authority", Text("Vorlage bei einer Behörde", "For an authority").lazy()),
    ("marriage", Text("Eheschließung oder Lebenspartnerschaft", "To marry").lazy()),
    ("inheritance", Text("Nachlass oder Erbschein", "Estate or certificate of inheritance").lazy()),
    ("pension", Text("Gesetzliche Rente (gebührenfrei)", "Statutory pension (free)").lazy()),
    (
        "family_benefits",
        Text(
            "Kindergeld, Elterngeld oder Mutterschaftsgeld (Geburtsurkunde gebührenfrei)",
            "Child benefit, parental or maternity allowance (birth certificate free)",
        ).lazy(),
    ),
    ("genealogy", Text("Familienforschung", "Family history research").lazy()),
]
RELATIONS = [
    ("self", Text("Die Urkunde betrifft mich selbst", "The certificate is about me").lazy()),
    ("spouse", Text("Ehe- oder Lebenspartner/in", "Spouse or civil partner").lazy()),
    ("descendant", Text("Ich bin Kind oder Enkelkind", "I am a child or grandchild").lazy()),
    (
        "ancestor",
        Text("Ich bin Elternteil oder Großelternteil", "I am a parent or grandparent").lazy(),
    ),
    ("sibling", Text("Ich bin Geschwister", "I am a brother or sister").lazy()),
    (
        "legal_interest",
        Text(
            "Andere Beziehung mit rechtlichem Interesse (Nachweis nötig)",
            "Another relation with a legal interest (proof needed)",
        ).lazy(),
    ),
]
YES_NO = [("no", Text("Nein", "No").lazy()), ("yes", Text("Ja", "Yes").lazy())]


def _choice(de: str, en: str, choices: list[Any], initial: str | None = None) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=Text(de, en).lazy(),
        choices=choices,
        widget=forms.RadioSelect,
        initial=initial,
        error_messages={"required": Text("Wählen Sie eine Antwort", "Select an answer").lazy()},
    )


SERVICE = ServiceDefinition(
    slug="personenstandsurkunde",
    registers=("resident",),  # the applicant's entry (figures/availability.py)
    key="99027002012000",
    title=Text("Geburts-, Ehe- oder Sterbeurkunde bestellen", "Order a civil-status certificate"),
    summary=Text(
        "Urkunden über Geburt, Ehe, Lebenspartnerschaft oder Tod, auch mehrsprachig, per Post.",
        "Certificates of birth, marriage, civil partnership or death, also multilingual, by post.",
    ),
    unit="standesamt",
    life_situations=("civil-status", "family"),
    eligibility=(
        Text(
            "Das Ereignis wurde beim Standesamt dieser Stadt beurkundet.",
            "The event was registered at this city's registry office.",
        ),
        Text(
            "Sie sind die betroffene Person, Ehe- oder Lebenspartner, Vorfahre oder Nachkomme "
            "und mindestens 16 Jahre alt; Geschwister brauchen ein berechtigtes, andere ein "
            "rechtliches Interesse.",
            "You are the person concerned, their spouse or partner, an ancestor or descendant "
            "and at least 16; siblings need a justified interest, others a legal interest.",
        ),
        Text(
            "Zeigt das Register die Verwandtschaft, wird die Berechtigung automatisch geprüft.",
            "Where the register shows the relation, your entitlement is checked automatically.",
        ),
    ),
    evidence=(
        Text(
            "Bei rechtlichem Interesse: Nachweis (zum Beispiel Schreiben des Nachlassgerichts)",
            "For a legal interest: proof (for example a letter of the probate court)",
        ),
    ),
    fee=Text(
        "Die Gebühr gilt je Exemplar, ein Einschreiben kostet extra (Gebührenverzeichnis des "
        "Landes Baden-Württemberg, § 5 PStG-DVO BW). Urkunden für die gesetzliche Rente und "
        "Geburtsurkunden für Kindergeld, Elterngeld und Mutterschaftsgeld sind gebührenfrei. "
        "Sie bezahlen online; findet das Standesamt keinen Eintrag, wird nichts berechnet.",
        "The fee is per copy, registered mail costs extra (the fee schedule of the Land "
        "Baden-Württemberg, section 5 PStG-DVO BW). Certificates for the statutory pension "
        "and birth certificates for child benefit, parental and maternity allowance are free. "
        "You pay online; if the registry office finds no entry, nothing is charged.",
    ),
    duration=Text("wenige Werktage, Versand per Post", "a few working days, sent by post"),
    ozg_facts=(
        Text(
            "Bestellung und Bezahlung online; die Urkunde kommt unterschrieben und gesiegelt "
            "per Post.",
            "Ordered and paid online; the certificate arrives signed and sealed by post.",
        ),
    ),
    legal_basis=Text("§§ 62–64 PStG", "Sections 62–64 PStG"),
    keywords=(
        "geburtsurkunde",
        "birth",
        "heiratsurkunde",
        "eheurkunde",
        "marriage",
        "sterbeurkunde",
        "death",
        "standesamt",
        "registerausdruck",
    ),
    steps=(
        Step(
            "urkunde",
            Text("Welche Urkunde brauchen Sie?", "Which certificate do you need?"),
            fields={
                "kind": _choice("Art der Urkunde", "Kind of certificate", KINDS),
                "form": _choice("Form", "Form", FORMS, initial="standard"),
                "copies": copies_field(),
            },
        ),
        Step(
            "zweck",
            Text("Wofür brauchen Sie die Urkunde?", "What do you need it for?"),
            hint=Text(
                "Für einige Zwecke ist die Urkunde gebührenfrei.",
                "For some purposes the certificate is free of charge.",
            ),
            fields={"purpose": _choice("Zweck", "Purpose", PURPOSES)},
        ),
        Step(
            "beziehung",
            Text("Wen betrifft die Urkunde?", "Who is the certificate about?"),
            fields={"relation": _choice("Ihre Beziehung zur Person", "Your relation", RELATIONS)},
        ),
        Step(
            "person",
            Text("Angaben zur Person und zum Ereignis", "The person and the event"),
            hint=Text(
                "Bei Ehe und Lebenspartnerschaft: eine der beiden Personen.",
                "For a marriage or partnership: one of the two persons.",
            ),
            fields={
                "family_name": name_field("Familienname", "Family name"),
                "birth_name": name_field("Geburtsname", "Birth name", required=False),
                "given_names": name_field("Vornamen", "Given names"),
                "event_date": short_label(
                    EventDateField(
                        label=Text(
                            "Datum des Ereignisses (Geburt, Eheschließung oder Tod)",
                            "Date of the event (birth, marriage or death)",
                        ).lazy()
                    ),
                    Text("Datum des Ereignisses", "Date of the event"),
                ),
                "event_place": name_field(
                    "Ort des Ereignisses",
                    "Place of the event",
                    help_text=Text(
                        "Wir stellen Urkunden über Ereignisse in unserer Stadt aus.",
                        "We issue certificates of events in our city.",
                    ),
                ),
                "register_number": forms.CharField(
                    label=Text("Registernummer, falls bekannt", "Register number, if known").lazy(),
                    required=False,
                    max_length=20,
                    help_text=Text("Zum Beispiel G 412/1988", "For example G 412/1988").lazy(),
                    error_messages={
                        "max_length": Text(
                            "Die Registernummer hat höchstens 20 Zeichen",
                            "The register number has at most 20 characters",
                        ).lazy()
                    },
                ),
            },
        ),
        Step(
            "interesse",
            Text("Warum brauchen Sie die Urkunde?", "Why do you need the certificate?"),
            condition=rules.needs_interest,
            fields={
                "interest_reason": forms.CharField(
                    label=Text("Ihre Begründung", "Your reason").lazy(),
                    max_length=1000,
                    widget=forms.Textarea(attrs={"rows": 4}),
                    error_messages={
                        "required": Text("Geben Sie eine Begründung ein", "Give a reason").lazy(),
                        "max_length": Text(
                            "Höchstens 1000 Zeichen", "At most 1000 characters"
                        ).lazy(),
                    },
                ),
            },
            evidence=("interest_proof",),
        ),
        Step(
            "versand",
            Text("Wohin senden wir die Urkunde?", "Where shall we send the certificate?"),
            hint=Text(
                "Vorausgefüllt mit Ihrer Anschrift aus dem Melderegister; Sie können sie ändern.",
                "Filled in from the resident register; you can change it.",
            ),
            initial=address_from_register,
            validate=address_validate,
            fields={
                "recipient": name_field("Name des Empfängers", "Recipient's name"),
                "address_extra": forms.CharField(
                    label=Text("Adresszusatz", "Additional address line").lazy(),
                    required=False,
                    max_length=60,
                ),
                "street": name_field("Straße und Hausnummer", "Street and number"),
                "postcode": forms.CharField(
                    label=Text("Postleitzahl", "Postcode").lazy(),
                    max_length=10,
                    error_messages={
                        "required": Text(
                            "Geben Sie die Postleitzahl ein", "Enter the postcode"
                        ).lazy()
                    },
                ),
                "town": name_field("Ort", "Town"),
                "country": forms.ChoiceField(
                    label=Text("Land", "Country").lazy(),
                    choices=[(code, name.lazy()) for code, name in COUNTRIES],
                    initial="DE",
                ),
                "registered_mail": _choice(
                    "Als Einschreiben senden?", "Send by registered mail?", YES_NO, initial="no"
                ),
            },
        ),
    ),
    uploads=(
        Evidence(
            "interest_proof",
            Text(
                "Nachweis Ihres Interesses (PDF, PNG oder JPEG), falls vorhanden",
                "Proof of your interest (PDF, PNG or JPEG), if you have one",
            ),
            required=False,
        ),
    ),
    fee_rule=rules.fee,
    charging=Charging.BEFORE_REVIEW,
    fee_item_code=CERTIFICATE_CODE,
    fee_parts=rules.order_fee_parts,  # copies and registered mail as lines of the receipt
    checks=(
        Check(
            "entry",
            Text("Eintrag im Register dieses Standesamts", "Entry in this office's register"),
            rules.entry_held_here,
            reasons=rules.ENTRY_REASONS,
        ),
        Check(
            "entitlement",
            Text("Berechtigung nach § 62 PStG", "Entitlement under section 62 PStG"),
            rules.entitled,
            reasons=rules.ENTITLEMENT_REASONS,
        ),
    ),
    # No automatic decision: checked orders wait for the registrar, who prints them in a batch,
    # signs and seals them on paper (the human step; GDPR Art. 22).
    workflow=Workflow(may_decide_automatically=False, target_days=7, info_request_days=14),
    retention_days=365,
    decision_text=Text(
        "Die bestellte Urkunde wird gedruckt, unterschrieben, gesiegelt und per Post gesendet.",
        "The certificate you ordered is printed, signed, sealed and sent by post.",
    ),
    # One message per step: paid (receipt), approved and printing (this, with the notice),
    # posted (dispatch.order_posted_tell).
    approval_message=(
        Text(
            "Bestellung bewilligt: Ihre Urkunde wird gedruckt ({reference})",
            "Order approved: your certificate will be printed ({reference})",
        ),
        Text(
            "Das Standesamt hat Ihre Bestellung bewilligt. Die Urkunde wird gedruckt, "
            "unterschrieben, gesiegelt und per Post gesendet; wir schreiben Ihnen, sobald sie "
            "versandt ist. Der Bescheid liegt bei.",
            "The registry office approved your order. The certificate will be printed, signed, "
            "sealed and sent by post; we will write to you once it has been posted. The notice "
            "is attached.",
        ),
    ),
    on_approve=order_on_approve,
    notice_lines=order_notice_lines,
)
