"""The public search: anyone finds active businesses; scraping and bad input get clear answers."""

from __future__ import annotations

import pytest
from django.urls import reverse

from buergerportal.services.business_lookup.public_search import business_search


def _names(query: str) -> list[str]:
    return [hit.name for hit in business_search(query).hits]


def test_a_misspelled_name_still_finds_the_bakery(bakeries):
    assert _names("Bäckerie Müler")[0] == "Bäckerei Müller"
    assert _names("Baeckerei Mueller")[0] == "Bäckerei Müller"


def test_street_with_or_without_sharp_s_and_abbreviated(bakeries):
    for query in ("Meerfeldstraße", "Meerfeldstrasse", "meerfeldstr."):
        assert _names(query) == ["Bäckerei Weber"], query


def test_activity_finds_businesses_and_the_name_match_ranks_first(bakeries):
    assert _names("Friseurhandwerk") == ["Salon Groß"]
    assert _names("Frisörhandwerk") == ["Salon Groß"]
    names = _names("Bäckerei")
    assert set(names) == {"Bäckerei Müller", "Bäckerei Weber"}


def test_a_deregistered_business_is_not_shown(bakeries):
    assert _names("Bäckerei Alt") == []
    assert "Bäckerei Alt" not in _names("Bäckerei")


def test_the_page_shows_name_address_and_activity_but_never_the_owner(client, bakeries):
    response = client.get(reverse("business_lookup:search"), {"q": "Müller"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Bäckerei Müller" in page
    assert "Seckenheimer Straße 20, 68165 Mannheim" in page
    assert "Herstellung und Verkauf von Backwaren" in page
    assert "Jürgen" not in page and "Meerfeldstraße 7" not in page and "1985" not in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("B", "mindestens ein Wort mit drei Buchstaben"),
        ("%", "Platzhalter wie *, % oder _ sind nicht nötig"),
        ("*_*", "Platzhalter wie *, % oder _ sind nicht nötig"),
        ("a" * 1000, "höchstens 100 Zeichen"),
    ],
)
def test_bad_input_gets_a_clear_answer(client, bakeries, query, message):
    response = client.get(reverse("business_lookup:search"), {"q": query})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="error-summary"' in page
    assert message in page


def test_sql_and_wildcard_characters_are_text_not_commands(bakeries):
    assert set(_names("Bäck%")) == {"Bäckerei Müller", "Bäckerei Weber"}
    assert _names("Salon'); DROP TABLE business_lookup_business; --") == []
    assert _names('"Müller" OR "Weber"') == []  # every word must match, quotes are nothing
    assert _names("Müller") == ["Bäckerei Müller"]  # the table is still there


def test_right_to_left_text_is_searched_and_finds_nothing(client, bakeries):
    response = client.get(reverse("business_lookup:search"), {"q": "\u202eמאפייה\u202c"})
    assert response.status_code == 200
    assert "Kein aktives Gewerbe passt zu Ihrer Suche" in response.content.decode()
    assert _names("מאפייה") == []


def test_too_many_matches_are_capped_with_refine_your_search(client, bakeries, settings):
    settings.BUSINESS_SEARCH_MAX_RESULTS = 1
    result = business_search("Bäckerei")
    assert result.capped and result.total == 1
    page = client.get(reverse("business_lookup:search"), {"q": "Bäckerei"}).content.decode()
    assert "Bitte grenzen Sie Ihre Suche ein" in page


def test_results_are_paged(bakeries, settings, monkeypatch):
    from buergerportal.services.business_lookup import public_search

    monkeypatch.setattr(public_search, "PAGE_SIZE", 1)
    first, second = business_search("Bäckerei"), business_search("Bäckerei", page=2)
    assert first.pages == 2 and first.hits != second.hits
    assert business_search("Bäckerei", page=99).page == 2


def test_many_searches_from_one_address_are_refused_for_a_while(client, bakeries, settings):
    settings.BUSINESS_SEARCH_RATE = "3/m"
    url = reverse("business_lookup:search")
    statuses = [client.get(url, {"q": "Müller"}).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert "in kurzer Zeit" in client.get(url, {"q": "Müller"}).content.decode()


def test_an_empty_search_form_lists_nothing(client, bakeries):
    page = client.get(reverse("business_lookup:search")).content.decode()
    assert "Seckenheimer" not in page and 'id="error-summary"' not in page


def test_the_service_page_leads_to_the_search_and_to_the_extended_request(client, trade_office):
    page = client.get(reverse("catalogue:detail", args=["gewerbeauskunft"])).content.decode()
    assert reverse("business_lookup:search") in page
    assert reverse("applications:start", args=["gewerbeauskunft"]) in page
