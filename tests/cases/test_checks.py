"""Recording check results and routing: free applications at once, paid ones after payment."""

import dataclasses

import pytest
from django.urls import reverse

from buergerportal.catalogue import registry
from buergerportal.catalogue.definitions import Workflow
from tests.applications.example_service import GUEST_SERVICE, PAID_SERVICE, TEST_LEGAL_BASIS
from tests.engine_fixtures import login_staff, pay_example, submit_example
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_free_green_application_is_approved_at_once_without_payment(unit):
    free = dataclasses.replace(
        GUEST_SERVICE,
        slug="test-free-auto",
        workflow=Workflow(may_decide_automatically=True, legal_basis=TEST_LEGAL_BASIS),
    )
    registry.service_register(free)
    try:
        application = submit_example(user=UserFactory(), service=free, pay=False)
    finally:
        registry.service_unregister(free.slug)
    application.refresh_from_db()
    assert application.status == "approved"
    assert application.paid_at is None


def test_checks_are_recorded_at_submission_but_an_unpaid_case_is_not_routed(unit):
    application = submit_example(user=UserFactory(), service=PAID_SERVICE, pay=False)
    assert application.status == "awaiting_payment"
    assert [r["slug"] for r in application.check_results] == ["children"]
    assert [e.kind for e in application.events.all()] == ["submitted", "checked"]


def test_an_unpaid_case_is_not_in_the_queue_and_a_paid_one_is(client, clerk):
    waiting = submit_example(user=UserFactory(), service=PAID_SERVICE, pay=False, children=0)
    login_staff(client, clerk)
    assert waiting.reference not in client.get(reverse("cases:queue")).content.decode()
    pay_example(waiting)
    assert waiting.reference in client.get(reverse("cases:queue")).content.decode()


def test_the_case_page_shows_the_payment_with_a_link_to_the_payments_page(client, clerk):
    case = submit_example(user=UserFactory(), service=PAID_SERVICE, children=0)
    page = login_staff(client, clerk).get(reverse("cases:case", args=[case.pk])).content.decode()
    payment = case_payment(case)
    assert payment.reference in page
    assert reverse("payments:staff_payment", args=[payment.public_id]) in page


def test_staff_cannot_decide_a_case_awaiting_payment(client, clerk):
    waiting = submit_example(user=UserFactory(), service=PAID_SERVICE, pay=False, children=0)
    login_staff(client, clerk)
    client.post(reverse("cases:action", args=[waiting.pk, "decide"]), {"decision": "approve"})
    waiting.refresh_from_db()
    assert waiting.status == "awaiting_payment"


def case_payment(case):
    from buergerportal.payments.access import payments_for_payable

    return payments_for_payable(case).get()
