"""The finance office's reconciliation report per day and fee item (page and CSV)."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from buergerportal.payments.models import Payment, PaymentState, Refund, RefundState
from tests.factories import UserFactory, staff_member

from .conftest import CHANGE, PERMIT, login_staff, make_payment

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def _book(payment, when):
    Payment.objects.filter(pk=payment.pk).update(state=PaymentState.PAID, paid_at=when)


@pytest.fixture
def finance():
    user = staff_member()
    user.user_permissions.add(Permission.objects.get(codename="view_reconciliation"))
    return login_staff(Client(), user)


@pytest.fixture
def bookings(resident):
    a = make_payment(payer=resident, items=[PERMIT])
    b = make_payment(payer=resident, items=[PERMIT, CHANGE])
    late = make_payment(payer=resident, items=[CHANGE])
    open_ = make_payment(payer=resident, items=[PERMIT])
    _book(a, datetime.datetime(2026, 3, 2, 9, 0, tzinfo=BERLIN))
    _book(b, datetime.datetime(2026, 3, 2, 23, 30, tzinfo=BERLIN))  # 22:30 UTC: still 2 March
    _book(late, datetime.datetime(2026, 3, 3, 0, 15, tzinfo=BERLIN))
    Refund.objects.create(
        payment=Payment.objects.get(pk=a.pk),
        amount_cents=1000,
        reason="x",
        state=RefundState.EXECUTED,
        requested_by=UserFactory(),
        executed_at=datetime.datetime(2026, 3, 3, 12, 0, tzinfo=BERLIN),
    )
    return a, b, late, open_


def test_the_report_sums_each_fee_item_per_local_day(finance, bookings):
    page = finance.get(
        reverse("payments:reconciliation"), {"start": "2026-03-01", "end": "2026-03-03"}
    )
    assert page.status_code == 200
    text = page.content.decode()
    assert "BEW-PARK" in text and "€255.00" in text  # two permits on 2 March


def test_the_csv_can_be_checked_against_the_bank_statement(finance, bookings):
    response = finance.get(
        reverse("payments:reconciliation_csv"), {"start": "2026-03-01", "end": "2026-03-03"}
    )
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().splitlines()
    assert lines[0] == "date;kind;method;fee_item;description;count;amount_eur"
    assert "2026-03-02;payment;online;BEW-PARK;Bewohnerparkausweis 2026;2;255,00" in lines
    assert "2026-03-02;payment;online;BEW-PARK-AEND;Änderung;1;15,00" in lines
    assert "2026-03-02;day_total;;;;;270,00" in lines
    assert "2026-03-03;refund;;;;;-10,00" in lines
    assert "2026-03-03;day_total;;;;;5,00" in lines


def test_only_the_finance_office_sees_the_report(resident_client):
    clerk = login_staff(Client(), staff_member())
    assert clerk.get(reverse("payments:reconciliation")).status_code == 403
    assert resident_client.get(reverse("payments:reconciliation_csv")).status_code == 403
