"""Refunds by staff with a reason; a second, different approver above the four-eyes limit."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from buergerportal.accounts.models import Role
from buergerportal.payments.models import PaymentState, RefundState, TestTransaction
from buergerportal.payments.providers.signing import (
    SIGNATURE_HEADER,
    canonical_payload,
    payload_sign,
)
from buergerportal.payments.refunds import RefundError, refund_approve, refund_request
from tests.factories import OrgUnitFactory, staff_member

from .conftest import SECRET, login_staff, make_payment

pytestmark = pytest.mark.django_db


@pytest.fixture
def paid(resident, resident_client, unit, django_capture_on_commit_callbacks):
    payment = make_payment(payer=resident, unit=unit)  # 127,50 €
    page = resident_client.post(reverse("payments:start", args=[payment.public_id]))["Location"]
    with django_capture_on_commit_callbacks(execute=True):
        resident_client.post(page, {"outcome": "success", "notify": "now"})
    payment.refresh_from_db()
    assert payment.state == PaymentState.PAID
    return payment


@pytest.fixture
def clerk(unit):
    return staff_member(unit=unit, role=Role.CLERK)


@pytest.fixture
def approver(unit):
    return staff_member(unit=unit, role=Role.APPROVER)


def test_a_clerk_refunds_a_small_amount_at_once(paid, clerk, django_capture_on_commit_callbacks):
    client = login_staff(Client(), clerk)
    url = reverse("payments:staff_payment", args=[paid.public_id])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"amount": "15,00", "reason": "Änderung nicht nötig"})
    assert response.status_code == 302
    paid.refresh_from_db()
    assert paid.state == PaymentState.PARTIALLY_REFUNDED
    assert paid.refunded_cents == 1500
    assert TestTransaction.objects.get().refunded_cents == 1500
    assert "Änderung nicht nötig" in client.get(url).content.decode()


def test_a_refund_needs_a_reason_and_an_amount_that_is_left(paid, clerk):
    client = login_staff(Client(), clerk)
    url = reverse("payments:staff_payment", args=[paid.public_id])
    page = client.post(url, {"amount": "15,00", "reason": ""}).content.decode()
    assert "Give a reason for the refund." in page
    page = client.post(url, {"amount": "200,00", "reason": "zu viel"}).content.decode()
    assert "more than can still be refunded" in page
    assert not paid.refunds.exists()


def test_above_the_limit_a_second_approver_must_confirm(
    paid, clerk, approver, django_capture_on_commit_callbacks
):
    refund = refund_request(
        payment=paid, amount_cents=12750, reason="Antrag zurückgezogen", by=clerk
    )
    assert refund.state == RefundState.AWAITING_APPROVAL
    paid.refresh_from_db()
    assert paid.state == PaymentState.PAID  # no money moved yet
    client = login_staff(Client(), approver)
    decide = reverse("payments:refund_decide", args=[paid.public_id, refund.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(decide, {"decision": "approve"})
    refund.refresh_from_db()
    paid.refresh_from_db()
    assert (refund.state, refund.approved_by) == (RefundState.EXECUTED, approver)
    assert paid.state == PaymentState.REFUNDED


def test_nobody_approves_their_own_refund(paid, unit):
    both = staff_member(unit=unit, role=Role.APPROVER)
    refund = refund_request(payment=paid, amount_cents=12750, reason="Doppelt bezahlt", by=both)
    with pytest.raises(RefundError, match="zweite, andere Person"):
        refund_approve(refund=refund, by=both)


def test_a_clerk_without_the_approver_role_cannot_approve(paid, clerk, unit):
    other_clerk = staff_member(unit=unit, role=Role.CLERK)
    refund = refund_request(payment=paid, amount_cents=12750, reason="Doppelt bezahlt", by=clerk)
    with pytest.raises(RefundError, match="Freigaberecht"):
        refund_approve(refund=refund, by=other_clerk)
    approver_elsewhere = staff_member(unit=OrgUnitFactory(), role=Role.APPROVER)
    with pytest.raises(RefundError):
        refund_approve(refund=refund, by=approver_elsewhere)


def test_the_pending_approval_holds_back_its_amount(paid, clerk):
    refund_request(payment=paid, amount_cents=12000, reason="Teilrückzahlung", by=clerk)
    with pytest.raises(RefundError, match="höher als der noch erstattbare"):
        refund_request(payment=paid, amount_cents=1000, reason="noch einmal", by=clerk)


def test_staff_of_another_unit_do_not_see_the_payment(paid):
    outsider = staff_member(unit=OrgUnitFactory(), role=Role.APPROVER)
    client = login_staff(Client(), outsider)
    url = reverse("payments:staff_payment", args=[paid.public_id])
    assert client.get(url).status_code == 404
    with pytest.raises(RefundError):
        refund_request(payment=paid, amount_cents=100, reason="x", by=outsider)


def test_residents_cannot_open_the_back_office(resident_client):
    assert resident_client.get(reverse("payments:staff_payments")).status_code == 403


def test_a_refunded_payment_stays_booked_when_a_late_failure_arrives(client, paid, clerk):
    body = canonical_payload(
        {
            "merchant_reference": paid.reference,
            "status": "failed",
            "amount_cents": paid.amount_cents,
            "currency": "EUR",
            "transaction_id": "",
            "session": "s",
            "sent_at": timezone.now().isoformat(),
        }
    )
    client.post(
        reverse("payments:notify"),
        data=body,
        content_type="application/json",
        headers={SIGNATURE_HEADER: payload_sign(secret=SECRET, body=body)},
    )
    paid.refresh_from_db()
    assert paid.state == PaymentState.PAID


def test_a_refund_split_below_the_limit_still_waits_for_a_second_approver(
    paid, clerk, approver, django_capture_on_commit_callbacks
):
    client = login_staff(Client(), clerk)
    url = reverse("payments:staff_payment", args=[paid.public_id])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"amount": "100,00", "reason": "Antrag zurückgezogen"})
        response = client.post(url, {"amount": "27,50", "reason": "Rest des Antrags"}, follow=True)
    assert "The refund waits for a second approver." in response.content.decode()
    second = paid.refunds.get(amount_cents=2750)
    assert second.state == RefundState.AWAITING_APPROVAL
    paid.refresh_from_db()
    assert (paid.state, paid.refunded_cents) == (PaymentState.PARTIALLY_REFUNDED, 10000)
    assert TestTransaction.objects.get().refunded_cents == 10000  # the 27,50 did not move

    with pytest.raises(RefundError, match="second, different member of staff"):
        refund_approve(refund=second, by=clerk)
    with django_capture_on_commit_callbacks(execute=True):
        refund_approve(refund=second, by=approver)
    paid.refresh_from_db()
    assert (paid.state, paid.refunded_cents) == (PaymentState.REFUNDED, 12750)


def test_a_refund_after_an_approved_one_counts_the_total_and_waits_again(
    paid, clerk, approver, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = refund_request(payment=paid, amount_cents=12000, reason="Teil", by=clerk)
        refund_approve(refund=first, by=approver)
    second = refund_request(payment=paid, amount_cents=100, reason="Rest", by=clerk)
    assert second.state == RefundState.AWAITING_APPROVAL


def test_a_refund_beyond_what_was_paid_is_refused_with_what_is_left(paid, clerk):
    refund_request(payment=paid, amount_cents=5000, reason="Teil", by=clerk)
    client = login_staff(Client(), clerk)
    url = reverse("payments:staff_payment", args=[paid.public_id])
    page = client.post(url, {"amount": "80,00", "reason": "zu viel"}).content.decode()
    assert "more than can still be refunded" in page
    assert "€127.50 were paid, €50.00 are refunded or requested already" in page
    assert "at most €77.50 is left" in page
    assert paid.refunds.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_refunds_requested_at_the_same_moment_cannot_both_slip_under_the_limit(
    paid, unit, settings
):
    # Paying back is queued, not run inside the racing threads (SQLite's shared in-memory test
    # database would refuse that third writer): the race is about the requests alone.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    clerks = [staff_member(unit=unit, role=Role.CLERK) for _ in range(2)]
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def request(by) -> None:
        try:
            barrier.wait()
            for _attempt in range(50):
                try:
                    refund_request(payment=paid, amount_cents=6000, reason="gleichzeitig", by=by)
                    return
                except OperationalError:
                    # SQLite's in-memory test database refuses a second writer at once
                    # ("table is locked") instead of waiting; the clerk sends the form again.
                    time.sleep(0.05)
            raise AssertionError("the database stayed locked")
        except BaseException as exc:  # surfaced by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=request, args=(who,)) for who in clerks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    states = sorted(paid.refunds.values_list("state", flat=True))
    assert states == [RefundState.APPROVED, RefundState.AWAITING_APPROVAL]


def test_an_automatic_refund_pays_back_part_of_a_payment_and_never_more_than_is_left(
    paid, django_capture_on_commit_callbacks
):
    from buergerportal.payments.refunds import refund_automatic

    with django_capture_on_commit_callbacks(execute=True):
        first = refund_automatic(payment=paid, reason="tax ended", amount_cents=2750)
    paid.refresh_from_db()
    assert first is not None and first.amount_cents == 2750
    assert paid.state == PaymentState.PARTIALLY_REFUNDED and paid.refunded_cents == 2750
    with django_capture_on_commit_callbacks(execute=True):
        rest = refund_automatic(payment=paid, reason="tax ended", amount_cents=999_999)
    assert rest is not None and rest.amount_cents == 12750 - 2750
    assert refund_automatic(payment=paid, reason="again", amount_cents=100) is None


def test_a_payer_shown_in_the_staff_payments_list_finds_it_in_their_access_log(
    paid, clerk, resident
):
    from buergerportal.privacy.models import DataAccess

    client = login_staff(Client(), clerk)
    assert client.get(reverse("payments:staff_payments")).status_code == 200
    listed = DataAccess.objects.filter(resident=resident, action="list.appeared")
    assert list(listed.values_list("case_reference", "accessor_id")) == [(paid.reference, clerk.pk)]
