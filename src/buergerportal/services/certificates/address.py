"""The delivery address: prefilled from the resident register, checked for a complete German or
foreign postal address (what a letter carrier needs: name, street, postcode, town, country)."""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings

from buergerportal.catalogue.definitions import Answers, Text
from buergerportal.registers.identity import person_for_user

# Postcode shapes of the countries most letters go to; others need some postcode, not a shape.
POSTCODE_SHAPES = {
    "DE": r"\d{5}",
    "AT": r"\d{4}",
    "CH": r"\d{4}",
    "FR": r"\d{5}",
    "IT": r"\d{5}",
    "ES": r"\d{5}",
    "PL": r"\d{2}-\d{3}",
    "NL": r"\d{4} ?[A-Z]{2}",
    "TR": r"\d{5}",
    "GB": r"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}",
    "US": r"\d{5}(-\d{4})?",
}
COUNTRIES = (
    ("DE", Text("Deutschland", "Germany")),
    ("AT", Text("Österreich", "Austria")),
    ("CH", Text("Schweiz", "Switzerland")),
    ("FR", Text("Frankreich", "France")),
    ("IT", Text("Italien", "Italy")),
    ("ES", Text("Spanien", "Spain")),
    ("PL", Text("Polen", "Poland")),
    ("NL", Text("Niederlande", "Netherlands")),
    ("TR", Text("Türkei", "Türkiye")),
    ("GB", Text("Vereinigtes Königreich", "United Kingdom")),
    ("US", Text("Vereinigte Staaten", "United States")),
)
COUNTRY_NAMES = dict(COUNTRIES)


def address_validate(answers: Answers) -> Text | None:
    """The page as a whole: the postcode fits the country."""
    country = str(answers.get("country", "DE"))
    postcode = str(answers.get("postcode", "")).strip().upper()
    shape = POSTCODE_SHAPES.get(country)
    if shape and not re.fullmatch(shape, postcode):
        if country == "DE":
            return Text(
                "Eine deutsche Postleitzahl hat fünf Ziffern", "A German postcode has five digits"
            )
        return Text(
            "Die Postleitzahl passt nicht zum gewählten Land",
            "The postcode does not fit the country you chose",
        )
    return None


def address_from_register(user: Any) -> dict[str, str]:
    """The applicant's registered address, to prefill the delivery address (editable)."""
    person = person_for_user(user)
    if person is None or person.address is None:
        return {}
    address = person.address
    return {
        "recipient": person.full_name,
        "street": f"{address.street} {address.house_number}{address.house_number_suffix}",
        "postcode": address.postcode,
        "town": str(settings.CITY_NAME),
        "country": "DE",
    }


def address_lines(answers: Answers) -> list[str]:
    """The lines of the window address (DIN 5008): recipient, street, postcode and town, and
    the country in capitals for a letter abroad."""
    lines = [str(answers.get("recipient", "")), str(answers.get("street", ""))]
    if answers.get("address_extra"):
        lines.insert(1, str(answers["address_extra"]))
    lines.append(f"{answers.get('postcode', '')} {answers.get('town', '')}".strip())
    country = str(answers.get("country", "DE"))
    if country != "DE":
        lines.append(COUNTRY_NAMES[country].de.upper() if country in COUNTRY_NAMES else country)
    return lines
