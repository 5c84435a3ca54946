"""After paying, the resident lands on a page that says what they now have and links to it."""

import pytest
from django.test import Client
from django.urls import reverse

from buergerportal.notifications.models import Message
from tests.applications.example_service import PAID_SERVICE
from tests.engine_fixtures import pay_through_test_provider, submit_example
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def resident(unit, test_provider):
    return UserFactory(first_name="Anna", last_name="Schmidt")


@pytest.fixture
def resident_client(resident) -> Client:
    client = Client()
    client.force_login(resident)
    return client


def test_a_granted_application_says_its_documents_are_in_the_mailbox_and_links_them(
    resident, resident_client, django_capture_on_commit_callbacks
):
    application = submit_example(user=resident, service=PAID_SERVICE, pay=False)
    _, back = pay_through_test_provider(
        resident_client, application, "success", django_capture_on_commit_callbacks
    )
    html = resident_client.get(back).content.decode()
    notice = Message.objects.get(recipient=resident, attachments__filename__startswith="Bescheid-")
    assert "Was Sie jetzt haben" in html
    assert "Ihr Bescheid und Ihre Dokumente liegen in Ihrem Postfach." in html
    assert f"Bescheid-{application.reference}.pdf" in html
    assert f'href="{reverse("notifications:message", args=[notice.pk])}"' in html
    assert "Zurück zu Ihrem Antrag" not in html  # the one way on is what she now has


def test_an_application_still_worked_on_links_its_status_page(
    resident, resident_client, django_capture_on_commit_callbacks
):
    application = submit_example(user=resident, service=PAID_SERVICE, pay=False, children=0)
    _, back = pay_through_test_provider(
        resident_client, application, "success", django_capture_on_commit_callbacks
    )
    html = resident_client.get(back, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f"your application {application.reference} is paid and is being worked on" in html
    assert f'href="{reverse("applications:detail", args=[application.pk])}"' in html


def test_a_failed_payment_promises_nothing(
    resident, resident_client, django_capture_on_commit_callbacks
):
    application = submit_example(user=resident, service=PAID_SERVICE, pay=False)
    _, back = pay_through_test_provider(
        resident_client, application, "failure", django_capture_on_commit_callbacks
    )
    html = resident_client.get(back).content.decode()
    assert "Was Sie jetzt haben" not in html
