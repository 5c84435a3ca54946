import pytest

from buergerportal.applications.models import Draft
from buergerportal.applications.submission import application_submit
from buergerportal.registers.demo import DEMO_RESIDENTS, demo_registers_load
from buergerportal.services.certificates.fees import certificate_fees_load
from buergerportal.services.certificates.register_demo import demo_civil_register_load
from tests.engine_fixtures import pay_example
from tests.factories import OrgUnitFactory, UserFactory


@pytest.fixture
def city(db, monkeypatch):
    """The demo residents, their families in the civil-status register, and a small synthetic
    register around them; the fee schedule."""
    monkeypatch.setattr("buergerportal.registers.demo.SYNTHETIC_RESIDENTS", 100)
    OrgUnitFactory(slug="standesamt")
    users = {email: UserFactory(email=email) for email in DEMO_RESIDENTS}
    demo_registers_load(users)
    demo_civil_register_load(families=10)
    certificate_fees_load()
    return users


@pytest.fixture
def anna(city):
    """Born here 1988; parents and paternal grandparents in the register; grandmother Gertrud
    died here in 2019."""
    return city["anna.schmidt@example.org"]


@pytest.fixture
def mehmet(city):
    """Born here 1979; his sister Elif born here 1982."""
    return city["mehmet.yilmaz@example.org"]


@pytest.fixture
def lena(city):
    """Born in Heidelberg: nothing here."""
    return city["lena.weber@example.org"]


ANNA_BIRTH = {
    "kind": "birth",
    "relation": "self",
    "family_name": "Schmidt",
    "given_names": "Anna",
    "event_date": "1988-04-12",
}
GERTRUD_DEATH = {
    "kind": "death",
    "relation": "descendant",
    "family_name": "Schmidt",
    "given_names": "Gertrud",
    "event_date": "2019-11-03",
}
ELIF_BIRTH = {
    "kind": "birth",
    "relation": "sibling",
    "family_name": "Yılmaz",
    "given_names": "Elif",
    "event_date": "1982-06-21",
    "interest_reason": "Nachlass unserer Eltern",
}


def order_data(**answers):
    """The raw draft data of an order, as the form's pages store it."""
    values = {
        "form": "standard",
        "copies": "1",
        "purpose": "personal",
        "birth_name": "",
        "event_place": "Mannheim",
        "register_number": "",
        "recipient": "Anna Schmidt",
        "address_extra": "",
        "street": "Meerfeldstraße 12",
        "postcode": "68163",
        "town": "Mannheim",
        "country": "DE",
        "registered_mail": "no",
        **{k: str(v) for k, v in answers.items()},
    }
    steps = {
        "urkunde": ("kind", "form", "copies"),
        "zweck": ("purpose",),
        "beziehung": ("relation",),
        "person": (
            "family_name",
            "birth_name",
            "given_names",
            "event_date",
            "event_place",
            "register_number",
        ),
        "interesse": ("interest_reason",),
        "versand": (
            "recipient",
            "address_extra",
            "street",
            "postcode",
            "town",
            "country",
            "registered_mail",
        ),
    }
    data = {step: {f: [values[f]] for f in fields if f in values} for step, fields in steps.items()}
    if "interest_reason" not in values:
        del data["interesse"]
    return data


def order(user, *, pay=True, **answers):
    """Order through the engine's own functions (submission, then the payment callback)."""
    draft = Draft.objects.create(
        service_slug="personenstandsurkunde", owner=user, data=order_data(**answers)
    )
    application = application_submit(draft_id=draft.pk, language="de")
    if pay and application.awaits_payment:
        pay_example(application)
        application.refresh_from_db()
    return application


def batch_print(*, by, limit=500):
    """The registrar prints a batch and the worker renders it (the test backend runs tasks at
    once, here when the batch's transaction commits)."""
    from django.test import TestCase

    from buergerportal.accounts.models import OrgUnit
    from buergerportal.services.certificates.dispatch import batch_create

    with TestCase.captureOnCommitCallbacks(execute=True):
        batch = batch_create(unit=OrgUnit.objects.get(slug="standesamt"), by=by, limit=limit)
    batch.refresh_from_db()
    return batch
