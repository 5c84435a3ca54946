from buergerportal.catalogue.definitions import ServiceDefinition, Text

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
    ),
    evidence=(
        Text(
            "Bei Firmen- oder Familienfahrzeugen: Nutzungserklärung des Halters",
            "For a company or family car: the holder's usage declaration",
        ),
    ),
    fee=Text(
        "127,50 Euro pro Jahr; 15 Euro je Änderung", "127.50 euros a year; 15 euros per change"
    ),
    duration=Text("sofort, wenn alle Prüfungen bestanden sind", "at once when all checks pass"),
    ozg_level=4,
    legal_basis=Text("§ 45 Abs. 1b Nr. 2a StVO", "Section 45(1b) no. 2a StVO"),
    keywords=("parken", "parking", "auto", "car", "anwohner", "zone", "vignette"),
)
