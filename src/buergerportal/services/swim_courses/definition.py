from buergerportal.catalogue.definitions import ServiceDefinition, Text

SERVICE = ServiceDefinition(
    slug="schwimmkurs",
    pays_online=True,  # courses are booked and paid on the service's own pages
    title=Text("Schwimmkurs buchen", "Book a swimming course"),
    summary=Text(
        "Schwimmkurse in den städtischen Bädern für Kinder und Erwachsene buchen und bezahlen.",
        "Book and pay for swimming courses in the city's pools, for children and adults.",
    ),
    unit="sportamt",
    start_url_name="swim_courses:list",
    life_situations=("leisure", "family"),
    fee=Text("zum Beispiel 60 Euro für 6 Wochen", "for example 60 euros for 6 weeks"),
    duration=Text("Platz sofort bestätigt", "seat confirmed at once"),
    keywords=("schwimmen", "swimming", "bad", "pool", "kurs", "course", "seepferdchen"),
    # the privacy table (privacy/retention.py): the service pays on its own pages, so the
    # payment records are named here too
    retention_rules=("swim_bookings", "swim_waiting_lists", "swim_tickets", "payments"),
)
