from buergerportal.catalogue.definitions import ServiceDefinition, Text

SERVICE = ServiceDefinition(
    slug="familienpass",
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
    ozg_level=3,
    keywords=("familie", "family", "kinder", "children", "ermäßigung", "discount"),
)
