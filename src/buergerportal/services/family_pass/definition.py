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
from .issue import family_pass_documents, family_pass_notice_lines, family_pass_on_approve

YES_NO = [("yes", Text("Ja", "Yes").lazy()), ("no", Text("Nein", "No").lazy())]

SERVICE = ServiceDefinition(
    slug="familienpass",
    registers=("resident",),  # the household's entry (figures/availability.py)
    title=Text("Familienpass", "Family pass"),
    summary=Text(
        "Ermäßigungen für Familien mit Kindern unter 18 Jahren, "
        "kostenlos und für ein Kalenderjahr.",
        "Discounts for families with children under 18, free of charge, for one calendar year.",
    ),
    unit="buergerservice",
    life_situations=("family",),
    eligibility=(
        Text(
            "Hauptwohnsitz in der Stadt und mindestens ein Kind unter 18 Jahren",
            "Main residence in the city and at least one child under 18",
        ),
    ),
    evidence=(
        Text(
            "Für den Familienpass plus: Bescheid über Sozialleistungen",
            "For the family pass plus: your decision letter on social benefits",
        ),
    ),
    duration=Text("wenige Tage", "a few days"),
    keywords=("familie", "family", "kinder", "children", "ermäßigung", "discount"),
    steps=(
        Step(
            "wohnsitz",
            Text("Wo wohnen Sie?", "Where do you live?"),
            fields={
                "main_residence": short_label(
                    forms.ChoiceField(
                        label=Text(
                            "Ist Ihr Hauptwohnsitz in der Stadt?",
                            "Is your main residence in the city?",
                        ).lazy(),
                        choices=YES_NO,
                        widget=forms.RadioSelect,
                        error_messages={
                            "required": Text("Wählen Sie Ja oder Nein", "Select yes or no").lazy()
                        },
                    ),
                    Text("Hauptwohnsitz", "Main residence"),
                ),
            },
        ),
        Step(
            "kinder",
            Text("Ihre Kinder", "Your children"),
            fields={
                "children_count": short_label(
                    forms.IntegerField(
                        label=Text(
                            "Wie viele Kinder unter 18 leben bei Ihnen?",
                            "How many children under 18 live with you?",
                        ).lazy(),
                        min_value=1,
                        max_value=15,
                        error_messages={
                            "required": Text(
                                "Geben Sie die Zahl der Kinder ein", "Enter the number of children"
                            ).lazy()
                        },
                    ),
                    Text("Anzahl der Kinder", "Number of children"),
                ),
                "youngest_birth_date": forms.DateField(
                    label=Text(
                        "Geburtsdatum des jüngsten Kindes", "Date of birth of the youngest child"
                    ).lazy(),
                    widget=forms.DateInput(attrs={"type": "date"}),
                    error_messages={
                        "required": Text(
                            "Geben Sie das Geburtsdatum ein", "Enter the date of birth"
                        ).lazy(),
                        "invalid": Text(
                            "Geben Sie ein gültiges Datum ein", "Enter a real date"
                        ).lazy(),
                    },
                ),
            },
        ),
        Step(
            "erwachsene",
            Text("Weitere Erwachsene", "More adults"),
            fields={
                "more_adults": short_label(
                    forms.CharField(
                        label=Text(
                            "Namen von bis zu drei weiteren Erwachsenen, einer pro Zeile",
                            "Names of up to three more adults, one per line",
                        ).lazy(),
                        required=False,
                        max_length=400,
                        widget=forms.Textarea(attrs={"rows": 3}),
                    ),
                    Text("Weitere Erwachsene", "Other adults"),
                ),
            },
            validate=rules.more_adults_limit,
        ),
        Step(
            "variante",
            Text("Welchen Familienpass möchten Sie?", "Which family pass would you like?"),
            fields={
                "variant": forms.ChoiceField(
                    label=Text("Variante", "Variant").lazy(),
                    widget=forms.RadioSelect,
                    choices=[
                        ("basic", Text("Familienpass", "Family pass").lazy()),
                        (
                            "plus",
                            Text(
                                "Familienpass plus (mit Sozialleistungen)",
                                "Family pass plus (with social benefits)",
                            ).lazy(),
                        ),
                    ],
                    error_messages={
                        "required": Text("Wählen Sie eine Variante", "Choose a variant").lazy()
                    },
                ),
            },
        ),
        Step(
            "bescheid",
            Text("Ihr Bescheid über Sozialleistungen", "Your decision letter on social benefits"),
            evidence=("social_benefit_letter",),
            condition=rules.wants_plus,
        ),
    ),
    uploads=(
        Evidence(
            "social_benefit_letter",
            Text(
                "Bescheid über Sozialleistungen (PDF, PNG oder JPEG)",
                "Decision letter on social benefits (PDF, PNG or JPEG)",
            ),
        ),
    ),
    checks=(
        Check(
            "residence",
            Text("Hauptwohnsitz in der Stadt", "Main residence in the city"),
            rules.lives_in_city,
            reasons=rules.RESIDENCE_REASONS,
            declared=True,  # the applicant's answer, not the population register
        ),
        Check(
            "child_under_18",
            Text("Kind unter 18", "Child under 18"),
            rules.youngest_child_under_18,
            reasons=rules.CHILD_REASONS,
            declared=True,  # the birth date the applicant gave
        ),
    ),
    # No legal provision allows deciding without a person: a green case waits as "checked,
    # awaiting confirmation" until a clerk confirms it.
    workflow=Workflow(may_decide_automatically=False, four_eyes=False, target_days=7),
    retention_days=2 * 365,
    retention_rules=("family_passes",),
    decision_text=Text(
        "Der Familienpass gilt bis zum 31. Dezember dieses Jahres.",
        "The family pass is valid until 31 December of this year.",
    ),
    on_approve=family_pass_on_approve,
    notice_lines=family_pass_notice_lines,
    result_documents=family_pass_documents,
)
