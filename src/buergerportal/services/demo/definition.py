"""Bulky-waste collection: a small, complete online service to copy from.

It shows every part of a definition a simple service needs: the catalogue entry, two steps with
Django fields (labels and errors as content ``Text``), a fee rule, a check that sends unusual
cases to a clerk, and the workflow. ``plugin.py`` adds what lives outside one application.
"""

from django import forms

from buergerportal.catalogue.definitions import Check, ServiceDefinition, Step, Text, Workflow

from . import rules

PLACES = [
    ("house", Text("Wohnhaus", "Residential house").lazy()),
    ("other", Text("Anderer Ort", "Somewhere else").lazy()),
]

SERVICE = ServiceDefinition(
    slug=rules.SLUG,
    title=Text("Sperrmüllabholung (Beispiel)", "Bulky-waste collection (example)"),
    summary=Text(
        "Das Beispiel einer einfachen Online-Leistung: Sie bestellen eine Abholung und bezahlen "
        "je Stück.",
        "The example of a simple online service: you order a collection and pay per piece.",
    ),
    unit="buergerservice",
    life_situations=("home",),
    eligibility=(
        Text("Sie wohnen in der Stadt.", "You live in the city."),
        Text("Höchstens zehn Stück je Abholung.", "At most ten pieces per collection."),
    ),
    fee=Text("je abgeholtem Stück", "per piece collected"),
    duration=Text("innerhalb von zwei Wochen", "within two weeks"),
    keywords=("sperrmüll", "bulky", "waste", "müll", "beispiel", "example"),
    steps=(
        Step(
            "menge",
            Text("Wie viele Stücke?", "How many pieces?"),
            fields={
                "pieces": forms.IntegerField(
                    label=Text("Anzahl der Stücke", "Number of pieces").lazy(),
                    min_value=1,
                    max_value=rules.MAX_PIECES,
                    error_messages={
                        "required": Text(
                            "Geben Sie die Anzahl der Stücke ein", "Enter the number of pieces"
                        ).lazy(),
                        "min_value": Text(
                            "Bestellen Sie mindestens ein Stück", "Order at least one piece"
                        ).lazy(),
                        "max_value": Text(
                            "Höchstens zehn Stücke je Abholung", "At most ten pieces per collection"
                        ).lazy(),
                    },
                ),
            },
        ),
        Step(
            "ort",
            Text("Wo holen wir ab?", "Where do we collect?"),
            fields={
                "place": forms.ChoiceField(
                    label=Text("Art des Ortes", "Kind of place").lazy(),
                    choices=PLACES,
                    widget=forms.RadioSelect,
                    error_messages={
                        "required": Text(
                            "Wählen Sie die Art des Ortes", "Select the kind of place"
                        ).lazy()
                    },
                ),
            },
        ),
    ),
    fee_rule=rules.fee,
    fee_item_code=rules.FEE_CODE,
    checks=(
        Check(
            "place",
            Text("Abholung an einem Wohnhaus", "Collection from a residential house"),
            rules.collects_from_a_house,
            reasons=rules.PLACE_REASONS,
        ),
    ),
    workflow=Workflow(target_days=14),
    retention_days=365,
    decision_text=Text(
        "Die Abholung ist bestellt; wir nennen Ihnen den Termin.",
        "The collection is ordered; we will tell you the date.",
    ),
)
