"""The lifecycle kernel: the transition table, and events published only after a commit."""

import pytest
from django.db import transaction

from buergerportal.applications.models import Application, Status
from buergerportal.cases.models import CaseEvent
from buergerportal.procedures import events
from buergerportal.procedures.events import ApplicationWithdrawn
from buergerportal.procedures.lifecycle import (
    EventKind,
    TransitionNotAllowed,
    application_transition,
)
from buergerportal.procedures.withdrawal import application_withdraw
from tests.engine_fixtures import submit_example
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("unit")]


@pytest.fixture
def heard(monkeypatch):
    """Every ApplicationWithdrawn event a subscriber hears (on a registry of the test's own)."""
    monkeypatch.setattr(events, "_subscribers", events.defaultdict(list))
    received = []
    events.subscriber_register(ApplicationWithdrawn, received.append)
    return received


def test_an_approved_application_cannot_go_back_to_submitted(
    heard, django_capture_on_commit_callbacks
):
    case = submit_example(user=UserFactory())
    Application.objects.filter(pk=case.pk).update(status=Status.APPROVED)
    recorded = CaseEvent.objects.filter(application=case).count()
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(TransitionNotAllowed) as refused,
    ):
        application_transition(
            application=case, to=Status.SUBMITTED, actor=None, kind=EventKind.SUBMITTED
        )
    assert "'approved' to 'submitted'" in str(refused.value)
    case.refresh_from_db()
    assert case.status == Status.APPROVED
    assert CaseEvent.objects.filter(application=case).count() == recorded
    assert heard == []


def test_a_withdrawal_is_published_after_the_commit_with_who_did_it(
    heard, django_capture_on_commit_callbacks
):
    owner = UserFactory()
    case = submit_example(user=owner)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        application_withdraw(application=case, actor=owner)
        assert heard == []  # not yet: the transaction has not committed
    for callback in callbacks:
        callback()
    assert heard == [
        ApplicationWithdrawn(application_id=str(case.pk), actor_id=owner.pk, automatic=False)
    ]
    case.refresh_from_db()
    assert case.status == Status.WITHDRAWN and case.decided_at is not None
    assert case.events.filter(kind=EventKind.WITHDRAWN, actor=owner).exists()


def test_nothing_is_published_when_the_transaction_rolls_back(
    heard, django_capture_on_commit_callbacks
):
    owner = UserFactory()
    case = submit_example(user=owner)
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        application_withdraw(application=case, actor=owner)
        raise RuntimeError("something later in the same transaction failed")
    assert callbacks == [] and heard == []
    case.refresh_from_db()
    assert case.status != Status.WITHDRAWN
    assert not case.events.filter(kind=EventKind.WITHDRAWN).exists()


def test_a_decided_application_cannot_be_withdrawn(client):
    from django.urls import reverse

    owner = UserFactory()
    case = submit_example(user=owner)
    Application.objects.filter(pk=case.pk).update(status=Status.REJECTED)
    client.force_login(owner)
    page = client.get(reverse("applications:detail", args=[case.pk])).content.decode()
    assert "Withdraw application" not in page
    client.post(reverse("applications:withdraw", args=[case.pk]))
    case.refresh_from_db()
    assert case.status == Status.REJECTED


def test_the_resident_withdraws_from_the_application_page(client):
    from django.urls import reverse

    owner = UserFactory()
    case = submit_example(user=owner)
    client.force_login(owner)
    client.cookies["django_language"] = "en"
    page = client.get(reverse("applications:detail", args=[case.pk])).content.decode()
    assert "Withdraw application" in page
    confirm = client.get(reverse("applications:withdraw", args=[case.pk])).content.decode()
    assert "Withdraw your application?" in confirm
    case.refresh_from_db()
    assert case.status != Status.WITHDRAWN  # the page asks first; nothing happened yet
    response = client.post(reverse("applications:withdraw", args=[case.pk]), follow=True)
    assert "Your application has been withdrawn." in response.content.decode()
    case.refresh_from_db()
    assert case.status == Status.WITHDRAWN
    assert "Withdrawn" in response.content.decode()


def test_withdrawing_a_paid_application_refunds_its_fee(
    client, test_provider, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    from buergerportal.payments.models import Refund
    from tests.engine_fixtures import pay_through_test_provider

    owner = UserFactory()
    case = submit_example(user=owner, pay=False)
    client.force_login(owner)
    client.cookies["django_language"] = "en"
    pay_through_test_provider(client, case, "success", django_capture_on_commit_callbacks)
    case.refresh_from_db()  # the example's fee (15.00) is paid; a clerk decides
    assert case.paid_at is not None and case.status == Status.CHECKED
    confirm = client.get(reverse("applications:withdraw", args=[case.pk])).content.decode()
    assert "The fee you have paid is refunded in full" in confirm
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("applications:withdraw", args=[case.pk]))
    refund = Refund.objects.get(payment__payable_id=str(case.pk))
    assert refund.amount_cents == case.fee_cents == 1500
    assert refund.requested_by is None and refund.state == "executed"


def test_withdrawing_asks_first_because_it_cannot_be_undone(client):
    from django.urls import reverse

    owner = UserFactory()
    case = submit_example(user=owner)
    client.force_login(owner)
    client.cookies["django_language"] = "en"
    url = reverse("applications:withdraw", args=[case.pk])
    assert url in client.get(reverse("applications:detail", args=[case.pk])).content.decode()
    page = client.get(url)
    assert page.status_code == 200
    assert "Yes, withdraw the application" in page.content.decode()
    case.refresh_from_db()
    assert case.status != Status.WITHDRAWN  # asking is not withdrawing
