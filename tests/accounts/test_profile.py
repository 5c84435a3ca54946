"""A resident changes name, phone number and preferred language."""

import pytest
from django.urls import reverse

from buergerportal.core.models import AuditEntry
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def resident(client):
    user = UserFactory()
    client.force_login(user)
    return user


def _post(client, **overrides):
    data = {
        "first_name": "Erika",
        "last_name": "Mustermann",
        "phone": "",
        "preferred_language": "de",
    }
    data.update(overrides)
    return client.post(reverse("accounts:profile"), data)


def test_the_profile_page_needs_a_login(client):
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_a_resident_changes_name_phone_and_language(client, resident):
    response = _post(
        client,
        first_name="Eva",
        last_name="Musterfrau",
        phone="0621 293-0",
        preferred_language="en",
    )
    assert response.status_code == 302
    assert response.url == reverse("accounts:overview")
    resident.refresh_from_db()
    assert (resident.first_name, resident.last_name) == ("Eva", "Musterfrau")
    assert resident.phone == "0621 293-0"
    assert resident.preferred_language == "en"
    entry = AuditEntry.objects.get(action="account.profile_changed")
    assert entry.actor_id == resident.pk
    assert entry.object_id == str(resident.pk)
    assert entry.data == {"fields": ["first_name", "last_name", "phone", "preferred_language"]}
    # The audit trail names the fields, never the values.
    assert "Musterfrau" not in str(entry.data)
    page = client.get(reverse("accounts:overview"))
    assert b"Your details have been saved." in page.content


def test_choosing_a_language_switches_the_portal_to_it(resident):
    from django.test import Client

    browser = Client(HTTP_ACCEPT_LANGUAGE="de")
    browser.force_login(resident)
    assert b'<html lang="de">' in browser.get(reverse("accounts:overview")).content
    _post(browser, preferred_language="en")
    assert b'<html lang="en">' in browser.get(reverse("accounts:overview")).content


def test_an_invalid_phone_number_shows_the_error_summary_and_keeps_the_old_one(client, resident):
    resident.phone = "0621 12345"
    resident.save(update_fields=["phone"])
    response = _post(client, phone="call me maybe")
    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="error-summary"' in content
    assert 'href="#id_phone"' in content
    assert "Enter a phone number with digits only" in content
    assert 'aria-invalid="true"' in content
    assert "kern-form-input__input--error" in content
    resident.refresh_from_db()
    assert resident.phone == "0621 12345"
    assert not AuditEntry.objects.filter(action="account.profile_changed").exists()


def test_a_phone_number_with_too_few_digits_is_refused(client, resident):
    response = _post(client, phone="12-34")
    assert response.status_code == 200
    assert b'href="#id_phone"' in response.content


def test_an_unknown_language_is_refused(client, resident):
    response = _post(client, preferred_language="fr")
    assert response.status_code == 200
    assert b'href="#id_preferred_language"' in response.content
    resident.refresh_from_db()
    assert resident.preferred_language == "de"


def test_a_name_that_is_too_long_is_refused(client, resident):
    response = _post(client, last_name="x" * 151)
    assert response.status_code == 200
    assert b'href="#id_last_name"' in response.content


def test_the_email_address_cannot_be_changed_through_the_profile_form(client, resident):
    old = resident.email
    _post(client, email="andere@example.org")
    resident.refresh_from_db()
    assert resident.email == old
