"""The breeds a resident chooses from. Listed breeds (Baden-Württemberg's Polizeiverordnung über
das Halten gefährlicher Hunde, § 1: the breeds held to be dangerous, and those held dangerous
until a behaviour test shows otherwise) pay the higher rate, and a clerk looks at each case."""

from __future__ import annotations

from buergerportal.catalogue.definitions import Text

LISTED = (
    ("american_staffordshire_terrier", "American Staffordshire Terrier"),
    ("bullterrier", "Bullterrier"),
    ("pit_bull_terrier", "Pit Bull Terrier"),
    ("bordeaux_dogge", "Bordeaux-Dogge"),
    ("bullmastiff", "Bullmastiff"),
    ("dogo_argentino", "Dogo Argentino"),
    ("fila_brasileiro", "Fila Brasileiro"),
    ("mastiff", "Mastiff"),
    ("mastin_espanol", "Mastín Español"),
    ("mastino_napoletano", "Mastino Napoletano"),
    ("staffordshire_bullterrier", "Staffordshire Bullterrier"),
    ("tosa_inu", "Tosa Inu"),
)

OTHER = (
    ("australian_shepherd", "Australian Shepherd"),
    ("beagle", "Beagle"),
    ("berner_sennenhund", "Berner Sennenhund"),
    ("border_collie", "Border Collie"),
    ("boxer", "Boxer"),
    ("chihuahua", "Chihuahua"),
    ("cocker_spaniel", "Cocker Spaniel"),
    ("dackel", "Dackel"),
    ("deutsch_drahthaar", "Deutsch Drahthaar"),
    ("deutscher_schaeferhund", "Deutscher Schäferhund"),
    ("dobermann", "Dobermann"),
    ("franzoesische_bulldogge", "Französische Bulldogge"),
    ("golden_retriever", "Golden Retriever"),
    ("havaneser", "Havaneser"),
    ("husky", "Siberian Husky"),
    ("jack_russell_terrier", "Jack Russell Terrier"),
    ("labrador_retriever", "Labrador Retriever"),
    ("malteser", "Malteser"),
    ("mops", "Mops"),
    ("pudel", "Pudel"),
    ("rhodesian_ridgeback", "Rhodesian Ridgeback"),
    ("rottweiler", "Rottweiler"),
    ("shih_tzu", "Shih Tzu"),
    ("spitz", "Spitz"),
    ("weimaraner", "Weimaraner"),
    ("west_highland_white_terrier", "West Highland White Terrier"),
    ("yorkshire_terrier", "Yorkshire Terrier"),
)

MIXED = "mixed"
LISTED_SLUGS = frozenset(slug for slug, _name in LISTED)
NAMES = dict(LISTED + OTHER)


def breed_is_listed(slug: str) -> bool:
    return slug in LISTED_SLUGS


def breed_name(slug: str) -> str:
    if slug == MIXED:
        return str(Text("Mischling", "Mixed breed"))
    return NAMES.get(slug, slug)


def breed_choices() -> list[tuple[str, object]]:
    """All breeds in alphabetical order, the listed ones marked, then 'mixed breed'. A select
    list: typing the first letters jumps to the breed, with or without JavaScript."""
    marker = Text("Listenhund, höherer Steuersatz", "listed breed, higher rate")
    rows: list[tuple[str, object]] = [("", Text("Bitte wählen", "Please choose").lazy())]
    for slug, name in sorted(LISTED + OTHER, key=lambda row: row[1]):
        if slug in LISTED_SLUGS:
            rows.append((slug, Text(f"{name} ({marker.de})", f"{name} ({marker.en})").lazy()))
        else:
            rows.append((slug, name))
    rows.append(
        (MIXED, Text("Mischling (ohne Listenhund)", "Mixed breed (no listed breed)").lazy())
    )
    return rows
