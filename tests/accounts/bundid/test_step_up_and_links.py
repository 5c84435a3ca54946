"""Step-up before the form, linking BundID to an email account, and removing the register link."""

import pytest
from allauth.socialaccount.models import SocialAccount
from django.urls import reverse

from buergerportal.applications.models import Draft
from buergerportal.core.models import AuditEntry
from buergerportal.registers.models import PersonLink
from tests.eid import eid_session, eid_sign_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

START = "/antrag/bewohnerparkausweis/"


@pytest.fixture
def parking(register):
    from buergerportal.services.parking_permit.zones import DEMO_ZONES, zones_load

    zones_load(path=DEMO_ZONES)


def test_an_email_login_is_asked_to_step_up_before_the_form_starts(client, eid, parking):
    client.force_login(UserFactory())
    page = client.get(START)
    html = page.content.decode()
    assert page.status_code == 200 and "bp-step-up" in html
    assert reverse("bundid_login") in html and 'value="substantial"' in html
    assert client.post(START).status_code == 403
    assert not Draft.objects.exists()  # nothing was started, nothing filled in


def test_a_visitor_sees_the_explanation_and_can_sign_in_with_bundid(client, eid, parking):
    html = client.get(START).content.decode()
    assert "bp-step-up" in html and 'name="process" value="login"' in html


def test_a_basic_eid_login_is_asked_to_step_up_and_a_high_one_may_start(client, eid, parking):
    eid_sign_in(client, identity="sophie", level="basic")
    assert "bp-step-up" in client.get(START).content.decode()
    response = eid_sign_in(client, identity="sophie", level="high", next_url=START)
    assert response["Location"].endswith(START)
    started = client.post(START)
    assert started.status_code == 302 and "/fahrzeug/" in started["Location"]
    facts = client.get(started["Location"]).content.decode()
    assert "Sophie Wagner" in facts and "Meerfeldstraße 40" in facts


def test_a_draft_cannot_be_continued_below_the_level(client, eid, parking):
    from buergerportal.registers.identity import person_link

    user = UserFactory()
    person_link(user=user, person_key="DEMO-ANNA")  # in the register, in zone 3
    eid_session(client, user, level="substantial")
    step = client.post(START)["Location"]
    client.force_login(user)  # a new login with email and password: basic
    assert client.get(step).status_code == 200
    assert "bp-step-up" in client.get(step).content.decode()


def test_a_resident_links_bundid_to_their_email_account_and_unlinks_it(client, eid, register):
    resident = UserFactory(email="anna.schmidt@example.org", first_name="Anna")
    client.force_login(resident)
    response = eid_sign_in(
        client,
        identity="anna",
        level="high",
        process="connect",
        next_url=reverse("accounts:overview"),
    )
    assert response.status_code == 302
    account = SocialAccount.objects.get(provider="bundid")
    assert account.user == resident and account.uid == "test-anna"
    assert client.session["bp_eid"]["level"] == "high"
    link = PersonLink.objects.get(user=resident)
    assert (link.person_key, link.source) == ("DEMO-ANNA", "eid")

    page = client.get(reverse("accounts:overview")).content.decode()
    assert "Meerfeldstraße 12" in page and "Heidelberg" in page
    client.post(reverse("accounts:register_unlink"))
    assert not PersonLink.objects.filter(user=resident).exists()
    assert AuditEntry.objects.filter(action="register.unlinked").exists()
    # BundID itself is unlinked on allauth's connections page (the account has a password).
    client.post(reverse("socialaccount_connections"), {"account": account.pk})
    assert not SocialAccount.objects.filter(pk=account.pk).exists()


def test_the_register_link_is_removed_only_by_post(client):
    client.force_login(UserFactory())
    assert client.get(reverse("accounts:register_unlink")).status_code == 405
