"""The tax office's part beyond the queue: refusing a claim while approving the registration,
unpaid debits cancelled on deregistration, transfers matched by their payment reference, the
tag posted and returned, and the breed typed and searched without JavaScript."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from buergerportal.accounts.models import Role
from buergerportal.applications.models import Application, Status
from buergerportal.notifications.models import Message
from buergerportal.payments.access import payments_for_payable
from buergerportal.payments.models import DirectDebit, Payment, Refund
from buergerportal.payments.sepa.mandates import mandate_create
from buergerportal.services.dog_tax.assessment import dog_assess_year
from buergerportal.services.dog_tax.models import ClaimRefusal, Dog
from tests.clock import berlin
from tests.engine_fixtures import login_staff
from tests.factories import OrgUnitFactory, UserFactory, staff_member

from .conftest import approve, make_dog, register, registered
from .test_register import _notice_text

pytestmark = pytest.mark.django_db
IBAN = "DE89370400440532013000"


def _clerk_client(clerk):
    client = login_staff(Client(), clerk)
    client.cookies["django_language"] = "en"
    return client


# -- refusing the claim, approving the registration ------------------------------------------


def test_the_clerk_refuses_the_claim_and_approves_at_the_normal_rate(
    resident_client, tax_clerk, june_2026, django_capture_on_commit_callbacks
):
    application = registered(resident_client, claim="assistance")
    clerk = _clerk_client(tax_clerk)
    case_page = clerk.get(reverse("cases:case", args=[application.pk])).content.decode()
    url = reverse("dog_tax:claim_refuse", args=[application.pk])
    assert url in case_page  # offered under "Decide"

    response = clerk.post(url, {"reason": "  "})
    assert response.status_code == 400
    assert "Give the reasons for refusing the claim" in response.content.decode()
    assert Application.objects.get(pk=application.pk).status == Status.SUBMITTED
    assert not ClaimRefusal.objects.exists() and not Dog.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = clerk.post(url, {"reason": "The card is not an assistance dog card."})
    assert response["Location"] == reverse("cases:case", args=[application.pk])
    application = Application.objects.get(pk=application.pk)
    assert application.status == Status.APPROVED
    dog = Dog.objects.get()
    assert dog.claim == "" and dog.claim_until is None
    assert application.fee_cents == 7200  # July to December at the first-dog rate
    assert payments_for_payable(application).get().amount_cents == 7200
    text = _notice_text(application)
    assert "Your claim (assistance dog) is refused: The card is not an assistance dog card." in (
        text
    )
    assert "€144.00 a year (first dog)" in text
    page = resident_client.get(reverse("dog_tax:mine")).content.decode()
    assert "Refused claim" in page and "not an assistance dog card" in page


def test_a_case_without_a_claim_offers_no_claim_refusal(resident_client, tax_clerk, june_2026):
    application = registered(resident_client)
    clerk = _clerk_client(tax_clerk)
    url = reverse("dog_tax:claim_refuse", args=[application.pk])
    assert url not in clerk.get(reverse("cases:case", args=[application.pk])).content.decode()
    assert clerk.get(url).status_code == 404


def test_staff_of_another_unit_cannot_refuse_the_claim(resident_client, june_2026):
    application = registered(resident_client, claim="assistance")
    other = _clerk_client(staff_member(unit=OrgUnitFactory(), role=Role.CLERK))
    url = reverse("dog_tax:claim_refuse", args=[application.pk])
    assert other.post(url, {"reason": "no"}).status_code == 404
    assert Application.objects.get(pk=application.pk).status == Status.SUBMITTED


# -- unpaid debits cancelled on deregistration -------------------------------------------------


@pytest.fixture
def debited_dog(
    resident_client, resident, tax_clerk, june_2026, sepa, django_capture_on_commit_callbacks
):
    mandate_create(payer=resident, holder_name="Erika Mustermann", iban=IBAN, consent=True)
    application = approve(
        registered(resident_client), tax_clerk, django_capture_on_commit_callbacks
    )
    payment = payments_for_payable(application).get()
    assert payment.direct_debit.state == "scheduled" and payment.amount_cents == 7200
    return Dog.objects.get(application=application)


def test_deregistering_before_the_tax_starts_cancels_the_scheduled_debit(
    resident_client, resident, debited_dog, django_capture_on_commit_callbacks
):
    url = reverse("dog_tax:deregister", args=[debited_dog.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = resident_client.post(url, {"ended_on": "2026-06-14", "reason": "death"})
    assert response.status_code == 302
    payment = Payment.objects.get()
    assert payment.state == "cancelled" and payment.direct_debit.state == "skipped"
    assert not Refund.objects.exists()  # nothing was collected, nothing to refund
    message = Message.objects.filter(recipient=resident).order_by("-created_at").first()
    assert "€72.00 not yet collected or paid" in message.body


def test_deregistering_after_a_month_keeps_only_that_month_on_a_new_debit(
    resident_client, resident, debited_dog, clock, django_capture_on_commit_callbacks
):
    clock.move_to(berlin("2026-07-10"))
    resident_client.force_login(resident)
    url = reverse("dog_tax:deregister", args=[debited_dog.pk])
    with django_capture_on_commit_callbacks(execute=True):
        resident_client.post(url, {"ended_on": "2026-07-05", "reason": "moved"})
    debits = {d.state: d for d in DirectDebit.objects.select_related("payment")}
    assert set(debits) == {"skipped", "scheduled"}
    assert debits["skipped"].payment.amount_cents == 7200
    assert debits["scheduled"].payment.amount_cents == 1200  # July only
    assert not Refund.objects.exists()


def test_a_debit_already_sent_to_the_bank_is_not_cancelled(
    resident_client, debited_dog, django_capture_on_commit_callbacks
):
    from buergerportal.payments.sepa.collection import collection_file_create

    debit = DirectDebit.objects.get()
    assert collection_file_create(collection_date=debit.due_on, created_by=None) is not None
    url = reverse("dog_tax:deregister", args=[debited_dog.pk])
    with django_capture_on_commit_callbacks(execute=True):
        resident_client.post(url, {"ended_on": "2026-06-14", "reason": "death"})
    debit.refresh_from_db()
    assert debit.state == "in_file" and debit.payment.state == "pending"
    assert Dog.objects.get(pk=debited_dog.pk).ended_on == date(2026, 6, 14)


def test_deregistering_in_december_cancels_next_years_debit(tax_office, sepa, clock):
    clock.move_to(berlin("2026-12-01"))
    holder = UserFactory()
    mandate_create(payer=holder, holder_name="Erika M", iban=IBAN, consent=True)
    dog = make_dog(holder)
    assert dog_assess_year(dog_id=dog.pk, year=2027, due_on=date(2027, 1, 15)) == "renewed"
    from buergerportal.services.dog_tax.deregistration import dog_deregister

    done = dog_deregister(dog=dog, user=holder, ended_on=date(2026, 11, 30), reason="death")
    assert done.cancelled_cents == 14400 and done.refunded_cents == 0
    assert DirectDebit.objects.get().state == "skipped"


# -- a transfer received, matched by its payment reference ------------------------------------


@pytest.fixture
def transfer_payment(tax_office, sepa, clock):
    """A yearly notice paid by transfer: the holder has no mandate."""
    clock.move_to(berlin("2026-12-01"))
    holder = UserFactory()
    dog = make_dog(holder)
    dog_assess_year(dog_id=dog.pk, year=2027, due_on=date(2027, 1, 15))
    payment = payments_for_payable(dog).get()
    assert payment.method == "online" and payment.state == "created"
    return payment


def test_staff_book_a_transfer_by_its_payment_reference(
    transfer_payment, tax_clerk, django_capture_on_commit_callbacks
):
    clerk = _clerk_client(tax_clerk)
    url = reverse("dog_tax:staff_transfer")
    response = clerk.post(url, {"reference": transfer_payment.reference, "amount": "140,00"})
    assert response.status_code == 400
    assert "The amount differs: €144.00 is due" in response.content.decode()
    response = clerk.post(url, {"reference": "BPXXXXXXXX", "amount": "144,00"})
    assert "No dog tax payment has the payment reference BPXXXXXXXX" in (response.content.decode())
    assert Payment.objects.get().state == "created"

    with django_capture_on_commit_callbacks(execute=True):
        response = clerk.post(
            url, {"reference": transfer_payment.reference.lower(), "amount": "144,00"}
        )
    assert response.status_code == 302
    payment = Payment.objects.get()
    assert payment.state == "paid" and payment.settled_via == "transfer"
    again = clerk.post(url, {"reference": transfer_payment.reference, "amount": "144,00"})
    assert "booked already" in again.content.decode()


def test_staff_of_another_unit_cannot_book_on_a_dog_tax_payment(transfer_payment):
    other = _clerk_client(staff_member(unit=OrgUnitFactory(), role=Role.CLERK))
    response = other.post(
        reverse("dog_tax:staff_transfer"),
        {"reference": transfer_payment.reference, "amount": "144,00"},
    )
    assert response.status_code == 400
    assert Payment.objects.get().state == "created"


def test_a_transfer_for_a_deregistered_dog_is_booked_and_refunded_by_hand(
    transfer_payment, tax_clerk, django_capture_on_commit_callbacks
):
    from buergerportal.services.dog_tax.deregistration import dog_deregister

    dog = Dog.objects.get()
    dog_deregister(dog=dog, user=dog.holder, ended_on=date(2026, 11, 30), reason="death")
    assert Payment.objects.get().state == "cancelled"
    with django_capture_on_commit_callbacks(execute=True):
        _clerk_client(tax_clerk).post(
            reverse("dog_tax:staff_transfer"),
            {"reference": transfer_payment.reference, "amount": "144,00"},
        )
    refund = Refund.objects.get()
    assert refund.amount_cents == 14400 and refund.state == "manual_payout"


# -- the tag: posted, then returned ------------------------------------------------------------


def test_the_tag_is_marked_posted_and_returned_and_the_holder_sees_it(
    resident, resident_client, tax_clerk, tax_office
):
    dog = make_dog(resident, name="Bello", tag_number=5)
    clerk = _clerk_client(tax_clerk)
    register_page = clerk.get(reverse("dog_tax:staff")).content.decode()
    assert "Tags to post" in register_page and "Mark tag 2026-00005 as posted" in register_page
    assert "not posted yet" in resident_client.get(reverse("dog_tax:mine")).content.decode()

    returned = reverse("dog_tax:staff_tag", args=[dog.pk, "returned"])
    clerk.post(returned)  # still registered: not to be returned
    assert Dog.objects.get(pk=dog.pk).tag_returned_on is None

    posted = reverse("dog_tax:staff_tag", args=[dog.pk, "posted"])
    clerk.post(posted)
    clerk.post(posted)  # a second click changes nothing
    assert Dog.objects.get(pk=dog.pk).tag_posted_on is not None
    assert Message.objects.filter(recipient=resident, subject__contains=dog.tag).count() == 1
    assert "posted on" in resident_client.get(reverse("dog_tax:mine")).content.decode()

    from django.utils import timezone

    from buergerportal.services.dog_tax.deregistration import dog_deregister

    dog_deregister(dog=dog, user=resident, ended_on=timezone.localdate(), reason="death")
    assert "to be returned" in resident_client.get(reverse("dog_tax:mine")).content.decode()
    assert "Mark tag 2026-00005 as returned" in clerk.get(reverse("dog_tax:staff")).content.decode()
    clerk.post(returned)
    assert Dog.objects.get(pk=dog.pk).tag_returned_on is not None
    assert "returned on" in resident_client.get(reverse("dog_tax:mine")).content.decode()
    staff_page = clerk.get(reverse("dog_tax:staff_dog", args=[dog.pk])).content.decode()
    assert "returned on" in staff_page


# -- the breed, typed and searched on the server -----------------------------------------------


def test_the_breed_list_is_offered_with_listed_breeds_marked(resident_client, june_2026):
    url = resident_client.post(reverse("applications:start", args=["hundesteuer"]))["Location"]
    page = resident_client.get(url).content.decode()
    assert '<datalist id="id_breed-list">' in page
    assert '<option value="Pit Bull Terrier (listed breed, higher rate)">' in page
    assert '<option value="Beagle">' in page


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("terrier", "Several breeds match “terrier”"),
        ("Wolpertinger", "The breed “Wolpertinger” is not in the list"),
    ],
)
def test_a_breed_not_named_exactly_lists_the_matches_or_explains(
    resident_client, june_2026, typed, message
):
    response = register(resident_client, breed=typed)
    page = response.content.decode()
    assert message in page and "There is a problem" in page
    if typed == "terrier":
        assert "Pit Bull Terrier (listed breed, higher rate)" in page
        assert "Jack Russell Terrier" in page
    assert not Application.objects.exists()


def test_a_breed_typed_in_part_or_with_its_marker_is_recognised(
    resident_client, tax_clerk, june_2026, django_capture_on_commit_callbacks
):
    application = registered(resident_client, breed="schäferhund")
    approve(application, tax_clerk, django_capture_on_commit_callbacks)
    assert Dog.objects.get().breed == "deutscher_schaeferhund"
    listed = registered(
        resident_client,
        breed="Pit Bull Terrier (listed breed, higher rate)",
        chip="276098100999999",
    )
    assert {r["slug"]: r["passed"] for r in listed.check_results}["breed"] is False
