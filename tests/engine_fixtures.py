"""Fixtures for the service-engine tests: the example service, staff, a task backend."""

from __future__ import annotations

import time

import pytest

from buergerportal.accounts.models import Role
from buergerportal.catalogue import registry
from tests.applications.example_service import (
    GUEST_SERVICE,
    NOTICE_SERVICE,
    PAID_SERVICE,
    SERVICE,
    UNIT,
)
from tests.factories import OrgUnitFactory, staff_member

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


@pytest.fixture(autouse=True)
def example_service(settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    for service in (SERVICE, GUEST_SERVICE, PAID_SERVICE, NOTICE_SERVICE):
        registry.service_register(service)
    yield SERVICE
    for service in (SERVICE, GUEST_SERVICE, PAID_SERVICE, NOTICE_SERVICE):
        registry.service_unregister(service.slug)


@pytest.fixture
def unit(db):
    return OrgUnitFactory(slug=UNIT)


def login_staff(client, user):
    """Log in as staff whose session used the second factor (as allauth records it)."""
    client.force_login(user)
    from allauth.account.internal.flows import login as flows

    session = client.session
    session[flows._AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(user.pk)
    session["account_authentication_methods"] = [
        {"method": "password", "at": time.time(), "email": user.email},
        {"method": "mfa", "at": time.time(), "type": "totp"},
    ]
    session.save()
    return client


@pytest.fixture
def clerk(unit):
    return staff_member(unit=unit, role=Role.CLERK)


@pytest.fixture
def approver(unit):
    return staff_member(unit=unit, role=Role.APPROVER)


def example_answers(*, name="Erika Mustermann", children=2, variant="basic"):
    return {
        "name": {"full_name": [name]},
        "children": {"children": [str(children)]},
        "variant": {"variant": [variant]},
    }


def pay_example(application):
    """Book the application's fee as the provider's callback would, then run the listener."""
    from django.utils import timezone

    from buergerportal.applications.paying import (
        application_mark_paid,
        application_payment_begin,
    )
    from buergerportal.payments.models import Payment, PaymentState

    payment = application_payment_begin(application_id=application.pk, payer=application.applicant)
    Payment.objects.filter(pk=payment.pk).update(
        state=PaymentState.PAID, paid_at=timezone.now(), provider_transaction_id=f"T-{payment.pk}"
    )
    return application_mark_paid(application_id=application.pk, payment_id=payment.pk)


def submit_example(*, user=None, guest_email="", service=None, pay=True, **answers):
    """A submitted example application, made through the engine's own functions.

    A guest's goes to the guest service (services with a fee need a logged-in payer). A fee is
    paid at once unless ``pay=False``, so the case is routed as it would be after payment."""
    from django.utils import timezone

    from buergerportal.applications.models import Draft
    from buergerportal.applications.submission import application_submit

    draft = Draft.objects.create(
        service_slug=(service or (SERVICE if user else GUEST_SERVICE)).slug,
        owner=user,
        data=example_answers(**answers),
        guest_email=guest_email,
        guest_confirmed_at=None if user else timezone.now(),
    )
    application = application_submit(draft_id=draft.pk, language="en")
    if pay and application.awaits_payment:
        pay_example(application)
        application.refresh_from_db()
    return application


PAYMENT_SECRET = "test-provider-secret"


@pytest.fixture
def test_provider(settings):
    """The payments test provider with a known secret (tasks already run at once)."""
    settings.PAYMENT_PROVIDER = "buergerportal.payments.providers.test.TestProvider"
    settings.PAYMENT_PROVIDER_OPTIONS = {
        "secret": PAYMENT_SECRET,
        "merchant_id": "t",
        "api_url": "",
    }


def pay_through_test_provider(client, application, outcome, capture, notify="now"):
    """*Pay now* on the resident's page, then the test provider's page: choose the outcome.

    Returns the test provider's page (to resend its notification) and where it sent us back."""
    from django.urls import reverse

    response = client.post(reverse("applications:pay", args=[application.pk]))
    assert response.status_code == 302
    test_page = response["Location"]
    assert test_page.startswith("/test-payments/")
    with capture(execute=True):
        response = client.post(test_page, {"outcome": outcome, "notify": notify})
    assert response.status_code == 302
    return test_page, response["Location"]
