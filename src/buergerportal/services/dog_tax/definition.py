from buergerportal.catalogue.definitions import ServiceDefinition, Text

SERVICE = ServiceDefinition(
    slug="hundesteuer",
    key="99102013104000",
    title=Text("Hund anmelden oder abmelden (Hundesteuer)", "Register or deregister a dog"),
    summary=Text(
        "Einen Hund innerhalb eines Monats anmelden; bei Tod, Abgabe oder Wegzug abmelden.",
        "Register a dog within one month; deregister it on death, sale or moving away.",
    ),
    unit="steueramt",
    life_situations=("pets",),
    fee=Text(
        "Steuer 108 Euro im Jahr für den ersten Hund, 216 Euro für jeden weiteren",
        "Tax of 108 euros a year for the first dog, 216 euros for each further dog",
    ),
    duration=Text(
        "Steuerbescheid und Hundemarke in wenigen Tagen", "tax notice and dog tag within a few days"
    ),
    ozg_level=3,
    legal_basis=Text("Hundesteuersatzung der Stadt", "the city's dog tax statute"),
    keywords=("hund", "dog", "steuer", "tax", "hundemarke", "tag"),
)
