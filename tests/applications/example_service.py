"""Services defined only for the tests; together they exercise every part of the engine.

``SERVICE``: a conditional step (the letter only for the 'plus' variant), an upload, a fee that
depends on the answers, a check that fails when no child is named, four-eyes and a short
retention. ``GUEST_SERVICE``: the same form, free of charge and open to guests (a service with a
fee needs a logged-in payer). ``PAID_SERVICE``: the same form with a fee that may decide
automatically (VwVfG §35a), for "apply, pay, done".
"""

from dataclasses import replace

from django import forms

from buergerportal.catalogue.definitions import (
    Charging,
    Check,
    CheckResult,
    Evidence,
    LegalBasis,
    ServiceDefinition,
    Step,
    Text,
    Workflow,
    free_of_charge,
)

UNIT = "test-unit"


def _children_check(answers):
    if answers.get("children", 0) >= 1:
        return CheckResult(True)
    return CheckResult(False, "no_child")


CHILD_REASONS = {"no_child": Text("Kein Kind unter 18 angegeben", "No child under 18 named")}


def _fee(context):
    return 0 if context.answers.get("variant") == "plus" else 1500


def _plus_only(answers):
    return answers.get("variant") == "plus"


SERVICE = ServiceDefinition(
    slug="test-pass",
    title=Text("Testpass", "Test pass"),
    summary=Text("Ein Testdienst", "A test service"),
    unit=UNIT,
    life_situations=("family",),
    steps=(
        Step(
            "name",
            Text("Wie heißen Sie?", "What is your name?"),
            fields={
                "full_name": forms.CharField(
                    label=Text("Vollständiger Name", "Full name"),
                    max_length=100,
                    error_messages={
                        "required": Text("Geben Sie Ihren Namen ein", "Enter your full name")
                    },
                ),
            },
        ),
        Step(
            "children",
            Text("Ihre Kinder", "Your children"),
            fields={
                "children": forms.IntegerField(
                    label=Text("Anzahl der Kinder unter 18", "Number of children under 18"),
                    min_value=0,
                    max_value=12,
                ),
            },
        ),
        Step(
            "variant",
            Text("Welcher Pass?", "Which pass?"),
            fields={
                "variant": forms.ChoiceField(
                    label=Text("Variante", "Variant"),
                    widget=forms.RadioSelect,
                    choices=[("basic", Text("Basis", "Basic")), ("plus", Text("Plus", "Plus"))],
                    error_messages={
                        "required": Text("Wählen Sie eine Variante", "Choose a variant")
                    },
                ),
            },
        ),
        Step(
            "letter",
            Text("Ihr Bescheid", "Your decision letter"),
            evidence=("decision_letter",),
            condition=_plus_only,
        ),
    ),
    uploads=(
        Evidence(
            "decision_letter",
            Text("Bescheid über Sozialleistungen", "Decision letter on social benefits"),
        ),
    ),
    fee_rule=_fee,
    checks=(
        Check(
            "children",
            Text("Kinder unter 18", "Children under 18"),
            _children_check,
            reasons=CHILD_REASONS,
        ),
    ),
    workflow=Workflow(four_eyes=True, target_days=10),
    retention_days=30,
)

# The provision that lets a test service decide automatically (GDPR Art. 22, VwVfG § 35a).
TEST_LEGAL_BASIS = LegalBasis(
    citation=Text("§ 35a VwVfG mit der Testsatzung", "Section 35a VwVfG with the test rules"),
    text=Text("Die Testsatzung lässt es zu.", "The test rules allow it."),
)

GUEST_SERVICE = replace(
    SERVICE,
    slug="test-guest-pass",
    title=Text("Gastpass", "Guest pass"),
    fee_rule=free_of_charge,
    guests_allowed=True,
)

PAID_SERVICE = replace(
    SERVICE,
    slug="test-paid-pass",
    title=Text("Bezahlpass", "Paid pass"),
    fee_item_code="TEST-PASS",
    fee_item_label=Text("Bezahlpass Gebühr", "Paid pass fee"),
    workflow=Workflow(may_decide_automatically=True, target_days=5, legal_basis=TEST_LEGAL_BASIS),
)

# A tax-like service: the fee is assessed by the notice on approval and collected afterwards.
NOTICE_SERVICE = replace(
    SERVICE,
    slug="test-tax",
    title=Text("Teststeuer", "Test tax"),
    fee_rule=lambda context: 4000,
    fee_item_code="TEST-TAX",
    charging=Charging.BY_NOTICE,
    payment_due_days=30,
    workflow=Workflow(target_days=10),
)
