import pytest

pytestmark = pytest.mark.django_db


def test_start_page_lists_life_situations_and_all_services(client):
    html = client.get("/").content.decode()
    assert "Leistungen nach Lebenslage" in html
    for title in ("Bewohnerparkausweis", "Familienpass", "Schwimmkurs buchen"):
        assert title in html
    assert 'href="/leistungen/lebenslage/pets/"' in html


def test_a_to_z_is_sorted_in_the_language_of_the_page(client):
    html = client.get("/leistungen/").content.decode()
    german = ["Auskunft aus dem Gewerberegister", "Bewohnerparkausweis", "Familienpass"]
    assert [html.index(t) for t in german] == sorted(html.index(t) for t in german)
    html = client.get("/leistungen/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    english = ["Book a swimming course", "Business-register lookup", "Family pass"]
    assert [html.index(t) for t in english] == sorted(html.index(t) for t in english)


@pytest.mark.parametrize(
    ("query", "expected"),
    [("hund", "Hund anmelden"), ("Parken", "Bewohnerparkausweis"), ("dog tax", "Hund anmelden")],
)
def test_search_finds_services_in_either_language(client, query, expected):
    html = client.get("/leistungen/", {"q": query}).content.decode()
    results = html.split("Alle Leistungen")[0]
    assert expected in results
    assert "1 Ergebnis für" in results


def test_search_without_match_says_so_and_offers_the_list(client):
    html = client.get("/leistungen/", {"q": "raumschiff"}).content.decode()
    assert "0 Ergebnisse für „raumschiff“" in html
    assert "Versuchen Sie ein anderes Wort" in html
    assert "Bewohnerparkausweis" in html  # the A–Z list below


def test_search_escapes_what_was_typed(client):
    html = client.get("/leistungen/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html


def test_life_situation_page_lists_only_its_services(client):
    html = client.get("/leistungen/lebenslage/pets/").content.decode()
    assert "Hund anmelden" in html
    assert "Bewohnerparkausweis" not in html


def test_service_page_shows_fee_unit_legal_basis_and_maturity(client):
    from tests.factories import OrgUnitFactory

    OrgUnitFactory(slug="buergerservice", name_de="Bürgerservice", name_en="Citizen services")
    html = client.get("/leistungen/bewohnerparkausweis/").content.decode()
    for text in (
        "Bewohnerparkausweis (ein Jahr): 127,50 €",
        "Änderung des Bewohnerparkausweises: 15,00 €",
        "Bürgerservice",
        "§ 45 Abs. 1b Nr. 2a StVO",
        "99108001001000",
        "Stufe 5 von 7",  # computed from the facts (figures/maturity.py), OZG model 2.0
    ):
        assert text in html
    html = client.get("/leistungen/bewohnerparkausweis/", HTTP_ACCEPT_LANGUAGE="en").content
    assert (
        b"Citizen services" in html
        and "Resident parking permit (one year): €127.50" in html.decode()
    )


def test_service_page_announces_a_fee_change_from_the_schedule(client):
    from datetime import date

    from django.utils import timezone

    from buergerportal.catalogue.models import Fee

    next_year = timezone.localdate().year + 1
    Fee.objects.create(
        service_slug="bewohnerparkausweis",
        code="BEWOHNERPARKEN",
        label={"de": "Bewohnerparkausweis (ein Jahr)", "en": "Resident parking permit (one year)"},
        amount_cents=13500,
        valid_from=date(next_year, 1, 1),
    )
    html = client.get("/leistungen/bewohnerparkausweis/").content.decode()
    assert f"127,50 €; ab 1. Januar {next_year}: 135,00 €" in html
    html = client.get("/leistungen/bewohnerparkausweis/", HTTP_ACCEPT_LANGUAGE="en").content
    assert f"€127.50; from Jan. 1, {next_year}: €135.00" in html.decode()


@pytest.mark.parametrize("path", ["/leistungen/gibt-es-nicht/", "/leistungen/lebenslage/mond/"])
def test_unknown_service_or_situation_is_not_found(client, path):
    assert client.get(path).status_code == 404


def test_a_service_that_needs_a_proven_identity_says_how_to_sign_in_before_the_start(client):
    html = client.get("/leistungen/bewohnerparkausweis/").content.decode()
    said = html.index("Mit BundID auf dem Vertrauensniveau „substanziell“ oder höher")
    assert said < html.index("/antrag/bewohnerparkausweis/")
    assert "ELSTER-Zertifikat" in html
    english = client.get("/leistungen/bewohnerparkausweis/", HTTP_ACCEPT_LANGUAGE="en")
    assert "With BundID at trust level “substantial” or higher" in english.content.decode()
    family_pass = client.get("/leistungen/familienpass/")
    assert family_pass.status_code == 200
    assert 'id="trust-level"' not in family_pass.content.decode()  # an email login is enough
