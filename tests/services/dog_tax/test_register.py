"""A resident registers a dog: the form, the rate from the household's dogs and the breed, the
notice with the first year's tax by month and the tag number allocated on approval."""

from io import BytesIO

import pytest
from pypdf import PdfReader

from buergerportal.applications.models import Application, Status
from buergerportal.documents.models import Notice
from buergerportal.payments.access import payments_for_payable
from buergerportal.payments.sepa.mandates import mandate_create
from buergerportal.services.dog_tax.models import Dog

from .conftest import approve, register, registered

pytestmark = pytest.mark.django_db


def _notice_text(application) -> str:
    pdf = Notice.objects.get(application=application).pdf.open("rb").read()
    return " ".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages).replace(
        "\n", " "
    )


def test_a_clean_first_dog_waits_for_confirmation_then_gets_tag_and_pro_rata_tax(
    resident_client, resident, tax_clerk, june_2026, django_capture_on_commit_callbacks
):
    application = registered(resident_client)
    # a tax notice needs a legal basis for an automatic decision: the city has none
    assert application.status == Status.CHECKED
    assert not payments_for_payable(application).exists()  # nothing paid when registering

    application = approve(application, tax_clerk, django_capture_on_commit_callbacks)
    dog = Dog.objects.get(application=application)
    assert (dog.name, dog.chip, dog.holder, dog.listed, dog.further) == (
        "Bello",
        "276098100123456",
        resident,
        False,
        False,
    )
    assert dog.tag == "2026-00001"
    # kept from 1 June: the tax runs from July, 6 months of 144 euros a year = 72 euros
    assert application.fee_cents == 7200
    payment = payments_for_payable(application).get()
    assert payment.amount_cents == 7200 and payment.method == "online"
    assert payment.items.get().code == "HUNDESTEUER-ERSTHUND"
    text = _notice_text(application)
    assert "2026-00001" in text
    assert "€144.00 a year (first dog)" in text
    assert "July 2026 to December 2026 (6 months, by month): €72.00" in text
    assert "15 January" in text
    assert payment.reference in text  # the reference for a bank transfer


def test_a_second_dog_of_the_household_pays_the_further_rate_and_gets_the_next_tag(
    resident_client, tax_clerk, june_2026, django_capture_on_commit_callbacks
):
    approve(registered(resident_client), tax_clerk, django_capture_on_commit_callbacks)
    second = registered(resident_client, dog_name="Luna", chip="276098100999999")
    second = approve(second, tax_clerk, django_capture_on_commit_callbacks)
    luna = Dog.objects.get(name="Luna")
    assert luna.further and luna.tag == "2026-00002"
    assert second.fee_cents == 6 * 26400 // 12  # 132 euros for July to December
    assert "€264.00 a year (further dog)" in _notice_text(second)


def test_with_a_mandate_the_first_tax_is_collected_by_direct_debit(
    resident_client, resident, tax_clerk, june_2026, settings, django_capture_on_commit_callbacks
):
    settings.SEPA_CREDITOR_ID = "DE98ZZZ09999999999"
    mandate = mandate_create(
        payer=resident, holder_name="Erika Mustermann", iban="DE89370400440532013000", consent=True
    )
    application = approve(
        registered(resident_client), tax_clerk, django_capture_on_commit_callbacks
    )
    payment = payments_for_payable(application).get()
    assert payment.method == "sepa_debit" and payment.amount_cents == 7200
    assert mandate.reference in _notice_text(application).replace(" ", "")


def test_a_listed_breed_goes_to_a_clerk_and_pays_the_listed_rate(
    resident_client, tax_clerk, june_2026, django_capture_on_commit_callbacks
):
    application = registered(resident_client, breed="pit_bull_terrier")
    assert application.status == Status.SUBMITTED  # in the queue, not "checked"
    assert {r["slug"]: r["passed"] for r in application.check_results}["breed"] is False
    application = approve(application, tax_clerk, django_capture_on_commit_callbacks)
    assert Dog.objects.get().listed
    assert application.fee_cents == 6 * 74400 // 12


def test_an_assistance_dog_exemption_is_granted_by_the_clerk_and_nothing_is_charged(
    resident_client, tax_clerk, june_2026, django_capture_on_commit_callbacks
):
    application = registered(resident_client, claim="assistance")
    assert application.status == Status.SUBMITTED
    assert application.uploads.filter(evidence_slug="claim_evidence").exists()
    application = approve(application, tax_clerk, django_capture_on_commit_callbacks)
    dog = Dog.objects.get()
    assert dog.claim == "assistance" and dog.claim_until is None
    assert application.fee_cents == 0 and not payments_for_payable(application).exists()
    assert "exempt (assistance dog)" in _notice_text(application)


def test_social_benefits_halve_the_first_dog_rate(
    resident_client, tax_clerk, june_2026, django_capture_on_commit_callbacks
):
    application = approve(
        registered(resident_client, claim="social"), tax_clerk, django_capture_on_commit_callbacks
    )
    assert application.fee_cents == 6 * 6000 // 12  # 60 euros a year
    assert payments_for_payable(application).get().items.get().code == "HUNDESTEUER-SOZIAL"


def test_a_puppy_is_taxed_from_the_month_after_it_is_three_months_old(
    resident_client, tax_clerk, june_2026, django_capture_on_commit_callbacks
):
    application = registered(resident_client, born_on="2026-04-20", kept_from="2026-06-10")
    application = approve(application, tax_clerk, django_capture_on_commit_callbacks)
    # three months old on 20 July: tax from August, 5 months
    assert application.fee_cents == 5 * 14400 // 12


@pytest.mark.parametrize(
    ("chip", "message"),
    [
        ("27609810012345A", "digits only"),
        ("27609810012345", "you entered 14"),
    ],
)
def test_a_wrong_chip_number_is_refused_with_a_clear_message(
    resident_client, june_2026, chip, message
):
    response = register(resident_client, chip=chip)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Application.objects.exists()


def test_a_start_of_keeping_in_the_future_is_refused(resident_client, june_2026):
    response = register(resident_client, kept_from="2026-07-01")
    assert "The start of keeping is in the future" in response.content.decode()
    assert not Application.objects.exists()


def test_a_start_more_than_a_year_back_is_refused_and_the_late_rule_explained(
    resident_client, june_2026
):
    response = register(resident_client, born_on="2020-01-01", kept_from="2025-06-14")
    page = response.content.decode()
    assert "more than a year ago" in page and "within one month" in page
    assert not Application.objects.exists()


def test_a_late_registration_within_the_year_is_taken_but_goes_to_a_clerk(
    resident_client, june_2026
):
    application = registered(resident_client, born_on="2020-01-01", kept_from="2026-01-05")
    assert {r["slug"]: r["passed"] for r in application.check_results}["in_time"] is False
    assert application.status == Status.SUBMITTED
    # February to December: 11 months
    assert application.fee_cents == 11 * 14400 // 12


def test_a_chip_already_registered_is_not_registered_twice(
    resident_client, tax_clerk, june_2026, django_capture_on_commit_callbacks
):
    from buergerportal.cases.workflow import case_decide
    from buergerportal.procedures.lifecycle import TransitionNotAllowed  # noqa: F401

    approve(registered(resident_client), tax_clerk, django_capture_on_commit_callbacks)
    again = registered(resident_client, dog_name="Bello again")
    with pytest.raises(Exception, match="chip number is registered already"):
        case_decide(application=again, actor=tax_clerk, decision="approve")
    assert Dog.objects.count() == 1
    assert Application.objects.get(pk=again.pk).status == Status.CHECKED
