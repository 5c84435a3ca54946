from buergerportal.catalogue.definitions import ServiceDefinition, Text

SERVICE = ServiceDefinition(
    slug="personenstandsurkunde",
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
            "Sie sind die betroffene Person, Ehe- oder Lebenspartner, Vorfahre oder Nachkomme.",
            "You are the person concerned, their spouse or partner, an ancestor or descendant.",
        ),
    ),
    fee=Text("etwa 20 Euro je Urkunde", "about 20 euros per certificate"),
    duration=Text("wenige Werktage, Versand per Post", "a few working days, sent by post"),
    ozg_level=3,
    legal_basis=Text("§ 62 PStG", "Section 62 PStG"),
    keywords=("geburtsurkunde", "birth", "heiratsurkunde", "marriage", "sterbeurkunde", "death"),
)
