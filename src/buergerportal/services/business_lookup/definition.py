"""Business-register lookup (Gewerbeauskunft): the public search is the service's own page
(``/gewerbeauskunft/``); the online application is the extended lookup with a legal interest
(§ 14 (7) GewO): the business, the reason and its proof, the fee; a clerk decides."""

from django import forms

from buergerportal.catalogue.definitions import (
    Check,
    Evidence,
    ServiceDefinition,
    Step,
    Text,
    Workflow,
    short_label,
)

from . import rules
from .extract import extract_documents, extract_notice_lines, extract_on_approve

REASONS = [
    (
        "title",
        Text(
            "Ich habe einen vollstreckbaren Titel gegen das Gewerbe",
            "I hold an enforceable title against the business",
        ).lazy(),
    ),
    (
        "claim",
        Text(
            "Ich will eine Forderung gerichtlich geltend machen", "I want to sue for a claim"
        ).lazy(),
    ),
    ("other", Text("Ein anderes rechtliches Interesse", "Another legal interest").lazy()),
]

SERVICE = ServiceDefinition(
    slug=rules.SLUG,
    title=Text("Auskunft aus dem Gewerberegister", "Business-register lookup"),
    summary=Text(
        "Name, Anschrift und Tätigkeit eines Gewerbebetriebs finden; weitere Daten bei "
        "rechtlichem Interesse.",
        "Find a business's name, address and activity; further data with a legal interest.",
    ),
    unit="gewerbe",
    life_situations=("business",),
    eligibility=(
        Text(
            "Die einfache Suche ist für alle ohne Konto offen.",
            "Anyone may use the simple search, without an account.",
        ),
        Text(
            "Weitere Daten (z. B. Inhaberin oder Inhaber) nur bei rechtlichem Interesse, das Sie "
            "glaubhaft machen.",
            "Further data (e.g. the owner) only with a legal interest that you substantiate.",
        ),
    ),
    evidence=(
        Text(
            "Nachweis des rechtlichen Interesses, z. B. ein vollstreckbarer Titel",
            "Proof of your legal interest, e.g. an enforceable title",
        ),
    ),
    fee=Text(
        "Einfache Suche kostenlos; erweiterte Auskunft (positiv oder negativ) nach Gebührenordnung",
        "Simple search free of charge; extended extract (positive or negative) as scheduled",
    ),
    duration=Text("sofort; erweiterte Auskunft nach Prüfung", "at once; extended after review"),
    legal_basis=Text("§ 14 GewO", "Section 14 GewO"),
    keywords=("gewerbe", "business", "firma", "company", "register", "gewerberegister"),
    page_template="business_lookup/service_page.html",
    steps=(
        Step(
            "betrieb",
            Text("Über welches Gewerbe?", "About which business?"),
            fields={
                "business_number": short_label(
                    forms.CharField(
                        label=Text(
                            "Gewerbenummer (aus der Suche, falls bekannt)",
                            "Business number (from the search, if known)",
                        ).lazy(),
                        required=False,
                        max_length=12,
                    ),
                    Text("Gewerbenummer", "Business number"),
                ),
                "business_name": forms.CharField(
                    label=Text("Name des Gewerbes", "Name of the business").lazy(),
                    max_length=200,
                    error_messages={
                        "required": Text(
                            "Geben Sie den Namen des Gewerbes ein", "Enter the business's name"
                        ).lazy()
                    },
                ),
                "business_address": forms.CharField(
                    label=Text("Betriebliche Anschrift", "Business address").lazy(),
                    max_length=200,
                    error_messages={
                        "required": Text(
                            "Geben Sie die Anschrift des Gewerbes ein",
                            "Enter the business's address",
                        ).lazy()
                    },
                ),
            },
        ),
        Step(
            "interesse",
            Text("Ihr rechtliches Interesse", "Your legal interest"),
            fields={
                "reason": forms.ChoiceField(
                    label=Text("Grund", "Reason").lazy(),
                    choices=REASONS,
                    widget=forms.RadioSelect,
                    error_messages={
                        "required": Text("Wählen Sie einen Grund", "Choose a reason").lazy()
                    },
                ),
                "reason_detail": forms.CharField(
                    label=Text("Erläuterung", "Explanation").lazy(),
                    widget=forms.Textarea(attrs={"rows": 4}),
                    max_length=1000,
                    error_messages={
                        "required": Text(
                            "Erläutern Sie Ihr rechtliches Interesse",
                            "Explain your legal interest",
                        ).lazy()
                    },
                ),
                "file_reference": forms.CharField(
                    label=Text("Aktenzeichen (falls vorhanden)", "File reference (if any)").lazy(),
                    required=False,
                    max_length=100,
                ),
            },
            evidence=("proof",),
        ),
    ),
    uploads=(
        Evidence(
            "proof",
            Text(
                "Nachweis des rechtlichen Interesses (PDF, PNG oder JPEG)",
                "Proof of the legal interest (PDF, PNG or JPEG)",
            ),
        ),
    ),
    fee_rule=rules.fee,
    fee_item_code=rules.FEE_CODE,
    checks=(
        Check(
            "business",
            Text("Gewerbe im Register gefunden", "Business found in the register"),
            rules.business_identified,
            reasons=rules.BUSINESS_REASONS,
        ),
        Check(
            "first_request",
            Text("Erster Antrag zu diesem Gewerbe", "First request about this business"),
            rules.first_request,
            reasons=rules.REPEAT_REASONS,
            stops=rules.REPEAT_STOPS,
            remedies=rules.REPEAT_REMEDIES,
            links=rules.REPEAT_LINKS,
        ),
    ),
    # § 14 (7) GewO: whether the interest is substantiated is a person's judgement.
    workflow=Workflow(may_decide_automatically=False, target_days=10),
    retention_days=183,
    decision_text=Text(
        "Sie erhalten die Auskunft aus dem Gewerberegister.",
        "You receive the extract from the business register.",
    ),
    on_approve=extract_on_approve,
    notice_lines=extract_notice_lines,
    result_documents=extract_documents,
)
