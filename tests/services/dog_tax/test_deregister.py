"""Deregistering a dog: the tax ends with the month, an overpayment is refunded, the tag is to
be returned; twice or before the registration is refused and nothing changes."""

import pytest
from django.urls import reverse

from buergerportal.notifications.models import Message
from buergerportal.payments.models import Refund
from buergerportal.services.dog_tax.models import Dog
from tests.clock import berlin
from tests.engine_fixtures import pay_through_test_provider

from .conftest import approve, registered

pytestmark = pytest.mark.django_db


@pytest.fixture
def paid_dog(
    resident_client, tax_clerk, june_2026, test_provider, django_capture_on_commit_callbacks
):
    application = approve(
        registered(resident_client), tax_clerk, django_capture_on_commit_callbacks
    )
    pay_through_test_provider(
        resident_client, application, "success", django_capture_on_commit_callbacks
    )
    return Dog.objects.get(application=application)  # 72 euros paid for July to December


def test_deregistering_ends_the_tax_with_the_month_and_refunds_the_rest(
    resident_client, resident, paid_dog, clock, django_capture_on_commit_callbacks
):
    clock.move_to(berlin("2026-09-03"))
    resident_client.force_login(resident)  # a new session after the months that passed
    url = reverse("dog_tax:deregister", args=[paid_dog.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = resident_client.post(url, {"ended_on": "2026-08-20", "reason": "death"})
    assert response["Location"] == reverse("dog_tax:mine")
    dog = Dog.objects.get(pk=paid_dog.pk)
    assert dog.ended_on.isoformat() == "2026-08-20" and dog.end_reason == "death"
    assert dog.valid_until.isoformat() == "2026-08-31"
    # July and August owed (2 x 12 euros): 48 euros of the 72 come back
    refund = Refund.objects.get()
    assert refund.amount_cents == 4800
    message = Message.objects.filter(recipient=resident).order_by("-created_at").first()
    assert "August 2026" in message.body and "return the dog tag" in message.body
    assert "€48.00" in message.body
    page = resident_client.get(reverse("dog_tax:mine")).content.decode()
    assert "Deregistered" in page and "Deregister Bello" not in page


def test_handing_over_needs_the_new_holders_name_and_address(resident_client, paid_dog):
    url = reverse("dog_tax:deregister", args=[paid_dog.pk])
    response = resident_client.post(url, {"ended_on": "2026-06-14", "reason": "handed_over"})
    assert response.status_code == 400
    assert "Enter the new holder" in response.content.decode()
    assert Dog.objects.get(pk=paid_dog.pk).ended_on is None
    response = resident_client.post(
        url,
        {
            "ended_on": "2026-06-14",
            "reason": "handed_over",
            "new_holder": "Max Muster, Hauptstr. 1, 68159 Mannheim",
        },
    )
    assert response.status_code == 302
    assert Dog.objects.get(pk=paid_dog.pk).new_holder.startswith("Max Muster")


def test_a_dog_deregistered_twice_is_refused_and_nothing_more_is_refunded(
    resident_client, paid_dog, django_capture_on_commit_callbacks
):
    url = reverse("dog_tax:deregister", args=[paid_dog.pk])
    with django_capture_on_commit_callbacks(execute=True):
        resident_client.post(url, {"ended_on": "2026-06-10", "reason": "moved"})
    refunds = Refund.objects.count()
    response = resident_client.post(url, {"ended_on": "2026-06-12", "reason": "death"})
    assert response.status_code == 400
    assert "was deregistered already" in response.content.decode()
    dog = Dog.objects.get(pk=paid_dog.pk)
    assert dog.ended_on.isoformat() == "2026-06-10" and dog.end_reason == "moved"
    assert Refund.objects.count() == refunds


def test_a_date_before_the_registration_or_in_the_future_is_refused(resident_client, paid_dog):
    url = reverse("dog_tax:deregister", args=[paid_dog.pk])
    response = resident_client.post(url, {"ended_on": "2026-05-31", "reason": "death"})
    assert response.status_code == 400
    assert "before the dog was registered" in response.content.decode()
    response = resident_client.post(url, {"ended_on": "2026-06-16", "reason": "death"})
    assert "in the future" in response.content.decode()
    assert Dog.objects.get(pk=paid_dog.pk).ended_on is None
    assert not Refund.objects.exists()


def test_nobody_deregisters_another_residents_dog(paid_dog, tax_office):
    from django.test import Client

    from tests.factories import UserFactory

    other = Client()
    other.force_login(UserFactory())
    url = reverse("dog_tax:deregister", args=[paid_dog.pk])
    assert other.post(url, {"ended_on": "2026-06-10", "reason": "death"}).status_code == 404
    assert Dog.objects.get(pk=paid_dog.pk).ended_on is None
