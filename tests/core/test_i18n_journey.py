"""A city adds Turkish (and easy German) by configuration and translation files only, and a
resident walks the family pass in it: Turkish where the city translated, German where not."""

import pytest
from django.urls import reverse
from django.utils import translation

from buergerportal.applications.models import Application
from buergerportal.cases.checks import check_rows
from tests.city_languages import city_languages  # noqa: F401  (fixture)
from tests.factories import OrgUnitFactory, UserFactory

pytestmark = pytest.mark.django_db


def _page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_a_resident_applies_for_the_family_pass_in_turkish(client, city_languages):  # noqa: F811
    OrgUnitFactory(slug="buergerservice", name_de="Bürgerservice", name_en="Citizens' service")
    client.force_login(UserFactory())

    home = _page(client, "/")
    assert 'value="tr"' in home and "Türkçe" in home  # the switch lists the configured languages
    assert "Leichte Sprache" in home
    client.post(reverse("set_language"), {"language": "tr", "next": "/"})

    home = _page(client, "/")
    assert '<html lang="tr">' in home
    assert "Hizmet bulun" in home  # interface, from the city's django.po
    assert "Leistungen nach Lebenslage" in home  # interface not translated: German
    assert "Aile ve çocuklar" in home  # content, from the city's content.po
    assert "Mobilität und Parken" in home  # content not translated: German

    page = _page(client, reverse("catalogue:detail", args=["familienpass"]))
    assert "Aile kartı" in page and "Hemen başlayın" in page
    assert "Vatandaş hizmetleri" in page  # the unit's name, from the content catalogue
    assert "Ermäßigungen für Familien" in page  # the summary is not translated: German

    step_url = client.post(reverse("applications:start", args=["familienpass"]))["Location"]
    step = _page(client, step_url)
    assert "Nerede oturuyorsunuz?" in step and "Ana ikametgâhınız şehirde mi?" in step
    assert "Evet" in step and "Hayır" in step and "Devam" in step

    error = client.post(step_url, {}).content.decode()
    assert "Wählen Sie Ja oder Nein" in error  # an untranslated error message: German

    next_url = client.post(step_url, {"main_residence": "no"})["Location"]
    assert "Ihre Kinder" in _page(client, next_url)  # step title not translated: German
    url = client.post(next_url, {"children_count": "1", "youngest_birth_date": "2020-05-01"})
    url = client.post(url["Location"], {"more_adults": ""})["Location"]
    check_url = client.post(url, {"variant": "basic"})["Location"]
    client.post(check_url, {"declaration": "on"})

    application = Application.objects.get()
    assert application.language == "tr"
    with translation.override("tr"):
        rows = {row["title"]: row for row in check_rows(application)}
    failed = rows["Şehirde ana ikametgâh"]
    assert not failed["passed"] and failed["reason"] == "Şehirde ana ikametgâh belirtilmedi"
    assert rows["Kind unter 18"]["passed"]  # a check title not translated: German


def test_easy_german_falls_back_to_german_for_what_it_does_not_simplify(
    client,
    city_languages,  # noqa: F811
):
    client.cookies["django_language"] = "de-x-easy"
    page = _page(client, reverse("catalogue:detail", args=["familienpass"]))
    assert '<html lang="de-x-easy">' in page
    assert "Familien-Pass" in page and "Jetzt anfangen" in page  # the easy texts
    assert "Ermäßigungen für Familien" in page  # the rest: German
    assert "Wie lange es dauert" in page  # the interface the city did not simplify: German


def test_a_language_the_city_did_not_configure_is_not_offered(client):
    home = _page(client, "/")
    assert 'value="en"' in home
    assert 'value="tr"' not in home
    client.cookies["django_language"] = "tr"
    assert '<html lang="de">' in _page(client, "/")
