"""The breeds a resident chooses from. Listed breeds (Baden-Württemberg's Polizeiverordnung über
das Halten gefährlicher Hunde, § 1: the breeds held to be dangerous, and those held dangerous
until a behaviour test shows otherwise) pay the higher rate, and a clerk looks at each case."""

from __future__ import annotations

import re
import unicodedata

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


MARKER = Text("Listenhund, höherer Steuersatz", "listed breed, higher rate")
MIXED_NAMES = ("Mischling", "Mixed breed")
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def breed_fold(text: str) -> str:
    """Lower case, umlauts spelled out, accents and punctuation gone, a trailing "(…)" (the
    listed-breed marker) dropped: "Mastín Español (Listenhund…)" -> "mastin espanol"."""
    text = re.sub(r"\s*\([^)]*\)\s*$", "", text.strip()).casefold().translate(_FOLD)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def breed_label(slug: str) -> str:
    """The breed's name as the list shows it, listed breeds marked (current language)."""
    name = breed_name(slug)
    return f"{name} ({MARKER})" if slug in LISTED_SLUGS else name


def breed_labels() -> list[str]:
    """Every breed of the list in alphabetical order, then "mixed breed"."""
    slugs = [slug for slug, _name in sorted(LISTED + OTHER, key=lambda row: row[1])]
    return [breed_label(slug) for slug in slugs] + [breed_name(MIXED)]


def _index() -> dict[str, str]:
    index = {breed_fold(name): slug for slug, name in LISTED + OTHER}
    index.update({slug.replace("_", " "): slug for slug, _name in LISTED + OTHER})
    index.update({breed_fold(name): MIXED for name in (*MIXED_NAMES, "Mischling ohne Listenhund")})
    index[MIXED] = MIXED
    return index


INDEX = _index()


def breed_find(text: str) -> tuple[str, list[str]]:
    """The breed typed (its slug, or "") and, if none matches exactly, the names of the breeds
    whose name contains every word typed (the search)."""
    folded = breed_fold(text)
    if not folded:
        return "", []
    exact = INDEX.get(folded) or INDEX.get(folded.replace(" ", "_"))
    if exact:
        return exact, []
    words = folded.split()
    found = sorted(
        {slug for key, slug in INDEX.items() if all(word in key for word in words)},
        key=breed_name,
    )
    return "", [breed_label(slug) for slug in found]
