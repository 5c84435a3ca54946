"""Orders through the engine: fee, § 62 checks, where an order goes."""

import pytest

from buergerportal.procedures.models import Status

from .conftest import ANNA_BIRTH, ELIF_BIRTH, GERTRUD_DEATH, order


def _check(application, slug):
    return next(r for r in application.check_results if r["slug"] == slug)


@pytest.mark.django_db
def test_own_birth_certificate_waits_for_payment_then_is_checked(anna):
    application = order(anna, pay=False, copies=2, **ANNA_BIRTH)
    assert application.status == Status.AWAITING_PAYMENT
    assert application.fee_cents == 2 * 2000
    from tests.engine_fixtures import pay_example

    pay_example(application)
    application.refresh_from_db()
    assert application.status == Status.CHECKED
    assert _check(application, "entitlement")["code"] == "self"
    assert _check(application, "entry")["params"]["number"] == "G 9106/1988"


@pytest.mark.django_db
def test_registered_mail_costs_extra_once(anna):
    application = order(anna, pay=False, copies=3, registered_mail="yes", **ANNA_BIRTH)
    assert application.fee_cents == 3 * 2000 + 425


@pytest.mark.django_db
def test_pension_purpose_is_free_and_goes_straight_to_checked(anna):
    application = order(anna, pay=False, purpose="pension", **ANNA_BIRTH)
    assert application.fee_cents == 0
    assert application.status == Status.CHECKED


@pytest.mark.django_db
def test_child_benefit_makes_a_birth_certificate_free_but_not_a_death_certificate(anna):
    birth = order(anna, pay=False, purpose="family_benefits", **ANNA_BIRTH)
    death = order(anna, pay=False, purpose="family_benefits", **GERTRUD_DEATH)
    assert (birth.fee_cents, death.fee_cents) == (0, 2000)


@pytest.mark.django_db
def test_grandchild_is_entitled_to_grandmothers_death_certificate(anna):
    application = order(anna, **GERTRUD_DEATH)
    assert _check(application, "entitlement") == {
        "slug": "entitlement",
        "passed": True,
        "code": "descendant",
        "params": {},
    }
    assert application.status == Status.CHECKED


@pytest.mark.django_db
def test_the_death_entry_is_found_by_the_birth_name_too(anna):
    application = order(anna, **{**GERTRUD_DEATH, "family_name": "Wolf"})
    assert _check(application, "entry")["passed"]


@pytest.mark.django_db
def test_sibling_goes_to_the_registrar_with_the_reason(mehmet):
    application = order(mehmet, **ELIF_BIRTH)
    assert application.fee_cents == 2000
    assert application.status == Status.SUBMITTED  # the registry office's queue
    assert _check(application, "entitlement")["code"] == "sibling"


@pytest.mark.django_db
def test_relation_not_in_register_goes_to_the_registrar(lena):
    application = order(lena, **{**ANNA_BIRTH, "relation": "descendant"})
    assert application.status == Status.SUBMITTED
    assert _check(application, "entitlement")["code"] == "not_in_register"


@pytest.mark.django_db
def test_no_entry_is_not_charged_and_says_where_to_turn(lena):
    application = order(
        lena,
        pay=False,
        kind="birth",
        relation="self",
        family_name="Weber",
        given_names="Lena",
        event_date="1995-01-30",
    )
    assert application.fee_cents == 0
    assert not application.awaits_payment
    assert _check(application, "entry")["code"] == "not_found"
    from buergerportal.catalogue.registry import service_by_slug

    check = service_by_slug("personenstandsurkunde").checks[0]
    assert "Standesamt I in Berlin" in check.reasons["not_found"].de


@pytest.mark.django_db
def test_event_elsewhere_names_that_registry_office(lena):
    application = order(lena, pay=False, **{**ANNA_BIRTH, "event_place": "Heidelberg"})
    assert application.fee_cents == 0
    assert _check(application, "entry") == {
        "slug": "entry",
        "passed": False,
        "code": "not_here",
        "params": {"place": "Heidelberg"},
    }


@pytest.mark.django_db
def test_death_older_than_thirty_years_is_in_the_archive(anna):
    from datetime import date

    from buergerportal.services.certificates.models import CivilEntry

    CivilEntry.objects.create(
        number="S 9999/1990",
        kind="death",
        event_date=date(1990, 1, 5),
        place="Mannheim",
        person_key="DEMO-OLD",
        family_name="Schmidt",
        given_names="Otto",
    )
    application = order(
        anna,
        pay=False,
        kind="death",
        relation="descendant",
        family_name="Schmidt",
        given_names="Otto",
        event_date="1990-01-05",
    )
    assert application.fee_cents == 0
    assert _check(application, "entry")["code"] == "archived"
    assert _check(application, "entry")["params"]["years"] == 30


@pytest.mark.django_db
def test_blocking_note_goes_to_the_registrar(anna):
    from buergerportal.services.certificates.models import CivilEntry

    CivilEntry.objects.filter(number="G 9106/1988").update(blocked=True)
    application = order(anna, **ANNA_BIRTH)
    assert application.status == Status.SUBMITTED
    assert _check(application, "entitlement")["code"] == "blocked"


@pytest.mark.django_db
def test_changed_gender_entry_is_only_for_the_person_automatically(anna):
    from buergerportal.services.certificates.models import CivilEntry

    CivilEntry.objects.filter(number="G 9106/1988").update(gender_changed=True)
    assert order(anna, **ANNA_BIRTH).status == Status.CHECKED
    grandmother = CivilEntry.objects.get(number="G 9102/1932")
    grandmother.adopted = True
    grandmother.save()
    application = order(
        anna,
        kind="birth",
        relation="descendant",
        family_name="Wolf",
        given_names="Gertrud",
        event_date="1932-07-08",
    )
    assert _check(application, "entitlement")["code"] == "restricted"


@pytest.mark.django_db
def test_applicant_under_16_goes_to_the_registrar(anna):
    from datetime import date

    from django.utils import timezone

    from buergerportal.registers.models import RegisteredPerson

    fifteen = date(timezone.localdate().year - 15, 1, 1)  # 15 on every day the clock is pinned
    RegisteredPerson.objects.filter(person_key="DEMO-ANNA").update(birth_date=fifteen)
    application = order(anna, **ANNA_BIRTH)
    assert _check(application, "entitlement")["code"] == "under_16"
    assert application.status == Status.SUBMITTED


@pytest.mark.django_db
def test_register_number_that_does_not_fit_the_answers_is_not_used(anna):
    application = order(
        anna, pay=False, **{**ANNA_BIRTH, "given_names": "Berta", "register_number": "G 9106/1988"}
    )
    assert _check(application, "entry")["code"] == "not_found"
    found = order(anna, pay=False, **{**ANNA_BIRTH, "given_names": "X", "register_number": ""})
    assert found.fee_cents == 0
