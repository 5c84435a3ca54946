import pytest
from django.urls import reverse

from buergerportal.applications.reference import reference_format
from tests.engine_fixtures import submit_example
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_resident_gets_404_for_another_residents_application(client, unit):
    owner, other = UserFactory(), UserFactory()
    application = submit_example(user=owner)
    client.force_login(other)
    assert client.get(reverse("applications:detail", args=[application.pk])).status_code == 404
    assert client.get(reverse("applications:submitted", args=[application.pk])).status_code == 404
    client.force_login(owner)
    assert client.get(reverse("applications:detail", args=[application.pk])).status_code == 200


def test_my_applications_shows_status(client, unit):
    owner = UserFactory()
    application = submit_example(user=owner)
    client.force_login(owner)
    client.cookies["django_language"] = "en"
    page = client.get(reverse("applications:mine")).content.decode()
    assert application.reference in page
    # every check passed, and the example service may not decide automatically
    assert "Checked, awaiting confirmation" in page


def _lookup(client, reference, email):
    client.cookies["django_language"] = "en"
    return client.post(
        reverse("applications:status_lookup"), {"reference": reference, "email": email}
    )


def test_status_lookup_with_reference_and_email(client, unit):
    application = submit_example(guest_email="gast@example.org")
    response = _lookup(client, application.reference, "Gast@Example.org")
    assert response.status_code == 200
    assert "Checked, awaiting confirmation" in response.content.decode()


def test_status_lookup_gives_the_same_answer_for_wrong_email_and_unknown_reference(client, unit):
    application = submit_example(guest_email="gast@example.org")
    wrong_email = _lookup(client, application.reference, "someone@example.org")
    unknown = _lookup(client, reference_format(year=2026, number=999_999), "gast@example.org")
    assert wrong_email.status_code == unknown.status_code == 404
    message = "We could not find an application with this reference number and email address."
    assert message in wrong_email.content.decode()
    assert message in unknown.content.decode()


def test_status_lookup_rejects_a_mistyped_reference(client, unit):
    application = submit_example(guest_email="gast@example.org")
    typo = application.reference[:-1] + str((int(application.reference[-1]) + 1) % 10)
    response = _lookup(client, typo, "gast@example.org")
    assert "not valid. Check it for typing errors" in response.content.decode()


def test_status_lookup_is_rate_limited(client, unit, settings):
    settings.STATUS_LOOKUP_RATE = "2/m"
    for _ in range(2):
        _lookup(client, "BP-2026-000001-00", "a@example.org")
    assert _lookup(client, "BP-2026-000001-00", "a@example.org").status_code == 429
