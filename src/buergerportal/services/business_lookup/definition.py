from buergerportal.catalogue.definitions import ServiceDefinition, Text

SERVICE = ServiceDefinition(
    slug="gewerbeauskunft",
    title=Text("Auskunft aus dem Gewerberegister", "Business-register lookup"),
    summary=Text(
        "Name, Anschrift und Tätigkeit eines Gewerbebetriebs finden; weitere Daten bei "
        "berechtigtem Interesse.",
        "Find a business's name, address and activity; further data with a legal interest.",
    ),
    unit="gewerbe",
    life_situations=("business",),
    fee=Text("einfache Auskunft kostenlos", "simple lookup free of charge"),
    duration=Text("sofort; erweiterte Auskunft nach Prüfung", "at once; extended after review"),
    ozg_level=3,
    legal_basis=Text("§ 14 GewO", "Section 14 GewO"),
    keywords=("gewerbe", "business", "firma", "company", "register"),
)
