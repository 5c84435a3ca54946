"""A resident of a city that added languages can choose them: as preferred language (for
letters, receipts and emails) and by registering in one."""

import pytest
from django.urls import reverse

from buergerportal.accounts.models import User, language_of
from tests.city_languages import city_languages  # noqa: F401  (fixture)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_resident_chooses_easy_german_as_preferred_language(client, city_languages):  # noqa: F811
    resident = UserFactory()
    client.force_login(resident)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert 'value="tr"' in page and 'value="de-x-easy"' in page
    data = {"first_name": "Ayşe", "last_name": "Yılmaz", "phone": "", "preferred_language": ""}
    response = client.post(reverse("accounts:profile"), {**data, "preferred_language": "de-x-easy"})
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.preferred_language == "de-x-easy"


def test_registering_in_turkish_makes_turkish_the_preferred_language(city_languages):  # noqa: F811
    from django.test import Client

    Client(HTTP_ACCEPT_LANGUAGE="tr-TR,tr;q=0.9").post(
        reverse("account_signup"),
        {
            "email": "ayse@example.org",
            "password1": "ein langes Passwort 1",
            "password2": "ein langes Passwort 1",
        },
    )
    assert User.objects.get(email="ayse@example.org").preferred_language == "tr"


def test_an_unconfigured_language_becomes_german():
    assert language_of("tr") == "de"
    assert language_of("en-GB") == "en"
