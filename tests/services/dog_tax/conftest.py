"""Dog tax fixtures: the tax office, residents, a clerk, and registering through the real form."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from buergerportal.accounts.models import OrgUnit, Role
from buergerportal.applications.models import Application
from buergerportal.cases.workflow import case_decide
from buergerportal.services.dog_tax.fees import dog_fees_load
from buergerportal.services.dog_tax.models import Dog
from tests.engine_fixtures import *  # noqa: F403  (shared engine fixtures)
from tests.engine_fixtures import PDF
from tests.factories import OrgUnitFactory, UserFactory, staff_member

CHIP = "276098100123456"


@pytest.fixture
def tax_office(db):
    unit = OrgUnitFactory(slug="steueramt")
    dog_fees_load()  # the migration's rows again, for a database emptied by other tests
    return unit


@pytest.fixture
def resident(tax_office):
    return UserFactory(first_name="Erika", last_name="Mustermann")


@pytest.fixture
def resident_client(resident):
    client = Client()
    client.force_login(resident)
    client.cookies["django_language"] = "en"
    return client


@pytest.fixture
def tax_clerk(tax_office):
    return staff_member(unit=OrgUnit.objects.get(slug="steueramt"), role=Role.CLERK)


def dog_answers(**overrides):
    answers = {
        "dog_name": "Bello",
        "breed": "labrador_retriever",
        "sex": "male",
        "colour": "black",
        "chip": CHIP,
        "born_on": "2025-01-10",
        "kept_from": "2026-06-01",
        "previous": "Tierhilfe Heidelberg",
        "claim": "",
    }
    answers.update(overrides)
    return answers


def register(client, **overrides):
    """Fill in the registration form page by page; returns the last response (the check page's
    submission, or the page that refused an answer)."""
    answers = dog_answers(**overrides)
    response = client.post(reverse("applications:start", args=["hundesteuer"]))
    url = response["Location"]
    pages = [
        ["dog_name", "breed", "sex", "colour", "chip"],
        ["born_on", "kept_from", "previous"],
        ["claim"],
    ]
    for fields in pages:
        response = client.post(url, {name: answers[name] for name in fields})
        if response.status_code != 302:
            return response
        url = response["Location"]
    if answers["claim"]:
        evidence = SimpleUploadedFile("card.pdf", PDF, content_type="application/pdf")
        response = client.post(url, {"evidence_claim_evidence": evidence})
        url = response["Location"]
    return client.post(url, {"declaration": "on"})


def registered(client, **overrides) -> Application:
    response = register(client, **overrides)
    assert response.status_code == 302, response.content.decode()[:3000]
    return Application.objects.filter(service_slug="hundesteuer").order_by("-submitted_at").first()


def approve(application, clerk, capture) -> Application:
    with capture(execute=True):
        case_decide(application=application, actor=clerk, decision="approve")
    return Application.objects.get(pk=application.pk)


@pytest.fixture
def june_2026(clock):
    """Amounts depend on the day: these tests run on 15 June 2026 (2026 rates)."""
    from tests.clock import berlin

    clock.move_to(berlin(date(2026, 6, 15)))
    return date(2026, 6, 15)


_serial = iter(range(1, 10**6))


def make_dog(holder, *, year=2026, **fields) -> Dog:
    """A dog on the register as approval leaves it (without going through the form)."""
    n = next(_serial)
    values = {
        "reference": f"BP-{year}-{n:06d}-00",
        "holder": holder,
        "holder_name": holder.get_full_name() if holder else "",
        "unit": OrgUnit.objects.get(slug="steueramt"),
        "valid_from": date(year, 3, 1),
        "valid_until": date(year, 12, 31),
        "credential_id": f"dog{n:012d}",
        "code": "-",
        "name": f"Dog {n}",
        "breed": "beagle",
        "sex": "female",
        "colour": "brown",
        "born_on": date(year - 3, 1, 1),
        "chip": f"276098{n:09d}",
        "kept_from": date(year, 3, 1),
        "tag_year": year,
        "tag_number": n,
    }
    values.update(fields)
    return Dog.objects.create(**values)


@pytest.fixture
def sepa(settings):
    settings.SEPA_CREDITOR_ID = "DE98ZZZ09999999999"
    settings.SEPA_CREDITOR_IBAN = "DE89370400440532013000"
    settings.SEPA_CREDITOR_BIC = "COBADEFFXXX"
    settings.SEPA_PRENOTIFICATION_DAYS = 14
    settings.SEPA_LEAD_BUSINESS_DAYS = 1
