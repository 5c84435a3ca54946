"""What the register shows about relations (§ 62 PStG)."""

import pytest

from buergerportal.services.certificates.register import civil_status_register
from buergerportal.services.certificates.relations import relation_in_register


@pytest.mark.parametrize(
    ("applicant", "number", "relation"),
    [
        ("DEMO-ANNA", "G 9106/1988", "self"),
        ("DEMO-ANNA", "S 9107/2019", "descendant"),  # grandmother
        ("DEMO-ANNA", "E 9103/1955", "descendant"),  # grandparents' marriage
        ("DEMO-KARL", "S 9107/2019", "spouse"),
        ("DEMO-KARL", "G 9106/1988", "ancestor"),  # granddaughter
        ("DEMO-GERTRUD", "E 9103/1955", "self"),  # she is the partner in the entry
        ("DEMO-MEHMET", "G 9109/1982", "sibling"),
        ("DEMO-MEHMET", "G 9106/1988", None),
        ("", "G 9106/1988", None),
    ],
)
def test_relation_as_the_register_shows_it(city, applicant, number, relation):
    register = civil_status_register()
    entry = register.entry(number)
    assert relation_in_register(register, applicant_key=applicant, entry=entry) == relation


def test_synthetic_register_links_parents_and_spouses(db):
    from buergerportal.services.certificates.models import CivilEntry
    from buergerportal.services.certificates.register_synthetic import civil_register_create

    count = civil_register_create(families=30, seed=7)
    assert count == CivilEntry.objects.count() > 60
    children = CivilEntry.objects.filter(kind="birth").exclude(parent1_key="")
    assert children.exists()
    child = children.first()
    register = civil_status_register()
    unions = register.unions_of(child.parent1_key)
    assert any(child.parent2_key in (u.person.person_key, u.partner.person_key) for u in unions)
    years = CivilEntry.objects.order_by("event_date")
    assert years.first().event_date.year >= 2026 - 110
    assert set(CivilEntry.objects.values_list("kind", flat=True)) >= {"birth", "marriage", "death"}
    assert civil_register_create(families=30, seed=7) == count  # the same seed, the same register
