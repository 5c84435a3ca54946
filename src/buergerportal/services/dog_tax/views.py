"""The resident's dogs (tag, rate, next due date; deregistration) and the tax office's search."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from buergerportal.accounts.request_user import resident_from_request
from buergerportal.cases.views import staff_required
from buergerportal.catalogue.registry import service_by_slug
from buergerportal.core.money import euros
from buergerportal.core.pdf import pdf_render
from buergerportal.payments.access import payments_for_payable
from buergerportal.payments.models import Mandate
from buergerportal.privacy.access_log import data_accesses_listed

from .access import dog_for_resident, dogs_for_resident, dogs_for_staff, dogs_search
from .breeds import breed_label, breed_name
from .claims import claim_label, claim_refusal_text, claim_refuse_and_approve, claimed
from .deregistration import DeregistrationRefused, dog_deregister
from .forms import ClaimRefusalForm, DeregisterForm, TransferForm
from .issue import dog_filename, dog_pdf, next_due_on, rate_text
from .models import Dog
from .tags import TagStepRefused, tag_mark_posted, tag_mark_returned
from .transfers import TransferRefused, transfer_book


def _open_payment(dog: Any) -> Any:
    """A payment of the dog's tax still to be made (for the transfer reference)."""
    for payment in payments_for_payable(dog).order_by("-created_at"):
        if payment.state in ("created", "pending") and payment.method == "online":
            return payment
    return None


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    user = resident_from_request(request)
    today = timezone.localdate()
    rows = [
        {
            "dog": dog,
            "breed": breed_name(dog.breed),
            "rate": rate_text(dog, on=today),
            "due": next_due_on(dog, today=today),
            "open_payment": _open_payment(dog),
            "refusal": claim_refusal_text(dog.application),
        }
        for dog in dogs_for_resident(user).select_related("application")
    ]
    has_mandate = Mandate.objects.filter(payer=user, revoked_at=None, lapsed_at=None).exists()
    return render(
        request,
        "dog_tax/mine.html",
        {
            "rows": rows,
            "has_mandate": has_mandate,
            "iban": settings.SEPA_CREDITOR_IBAN,
            "creditor": settings.SEPA_CREDITOR_NAME,
        },
    )


@login_required
def certificate(request: HttpRequest, dog_id: int) -> HttpResponse:
    dog = dog_for_resident(resident_from_request(request), dog_id)
    response = HttpResponse(dog_pdf(dog), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{dog_filename(dog)}"'
    return response


@login_required
def yearly_notice(request: HttpRequest, dog_id: int, year: int) -> HttpResponse:
    """The yearly notice as PDF, rendered when opened (the run itself stays light)."""
    dog = dog_for_resident(resident_from_request(request), dog_id)
    if not (dog.tag_year < year <= dog.valid_until.year):
        raise Http404
    payment = payments_for_payable(dog).filter(purpose=f"{dog.reference} {year}").first()
    with translation.override(dog.language):
        html = render_to_string(
            "dog_tax/yearly_notice.html",
            {
                "dog": dog,
                "year": year,
                "breed": breed_name(dog.breed),
                "amount": euros(payment.amount_cents if payment else 0),
                "payment": payment,
                "due": payment.direct_debit.due_on
                if payment and payment.method == "sepa_debit"
                else date(year, 1, 15),
                "city": settings.CITY_NAME,
                "iban": settings.SEPA_CREDITOR_IBAN,
                "creditor": settings.SEPA_CREDITOR_NAME,
            },
        )
    response = HttpResponse(pdf_render(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="Hundesteuer-{dog.tag}-{year}.pdf"'
    return response


def _rate(group: str, request: HttpRequest) -> str:
    return settings.STATUS_LOOKUP_RATE


@login_required
@ratelimit(key="user", rate=_rate, method="POST", block=False)
def deregister(request: HttpRequest, dog_id: int) -> HttpResponse:
    user = resident_from_request(request)
    dog = dog_for_resident(user, dog_id)
    form = DeregisterForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if getattr(request, "limited", False):
            form.is_valid()
            form.add_error(
                None, _("You have tried several times in a short time. Please try again later.")
            )
            status = 429
        elif form.is_valid():
            try:
                done = dog_deregister(
                    dog=dog,
                    user=user,
                    ended_on=form.cleaned_data["ended_on"],
                    reason=form.cleaned_data["reason"],
                    new_holder=form.cleaned_data["new_holder"].strip(),
                )
            except DeregistrationRefused as refusal:
                form.add_error("ended_on", str(refusal))
                status = 400
            else:
                text = _("%(name)s is deregistered. Please return the dog tag.") % {
                    "name": dog.name
                }
                if done.cancelled_cents:
                    text += " " + _("%(amount)s not yet collected is cancelled.") % {
                        "amount": euros(done.cancelled_cents)
                    }
                if done.refunded_cents:
                    text += " " + _("We refund %(amount)s.") % {
                        "amount": euros(done.refunded_cents)
                    }
                messages.success(request, text)
                return redirect("dog_tax:mine")
        else:
            status = 400
    return render(request, "dog_tax/deregister.html", {"dog": dog, "form": form}, status=status)


@staff_required
def staff_search(request: HttpRequest) -> HttpResponse:
    """Find a dog by tag number, chip number or holder (the tax office's register)."""
    user = resident_from_request(request)
    query = request.GET.get("q", "").strip()[:60]
    dogs = dogs_search(user, query)
    rows = [(dog, breed_name(dog.breed)) for dog in dogs]
    staff_dogs = dogs_for_staff(user).filter(status=Dog.Status.VALID)
    to_post = list(staff_dogs.filter(ended_on=None, tag_posted_on=None).order_by("pk")[:50])
    to_return = list(
        staff_dogs.exclude(ended_on=None)
        .filter(tag_returned_on=None)
        .order_by("ended_on", "pk")[:50]
    )
    shown = [dog for dog, _breed in rows] + to_post + to_return
    data_accesses_listed(shown=[(dog.holder_id, dog) for dog in shown], accessor=user)
    return render(
        request,
        "dog_tax/staff_search.html",
        {"query": query, "rows": rows, "to_post": to_post, "to_return": to_return},
    )


def _staff_dog(request: HttpRequest, dog_id: int) -> Dog:
    dog = dogs_for_staff(resident_from_request(request)).filter(pk=dog_id).first()
    if dog is None:
        raise Http404
    return dog


@staff_required
def staff_dog(request: HttpRequest, dog_id: int) -> HttpResponse:
    """One dog for the tax office: the register entry, the tag's post and return, payments."""
    dog = _staff_dog(request, dog_id)
    payments = list(payments_for_payable(dog))
    if dog.application is not None:
        payments += list(payments_for_payable(dog.application))
    return render(
        request,
        "dog_tax/staff_dog.html",
        {
            "dog": dog,
            "breed": breed_label(dog.breed),
            "rate": rate_text(dog, on=timezone.localdate()),
            "payments": sorted(payments, key=lambda p: p.created_at, reverse=True),
            "refusal": claim_refusal_text(dog.application),
        },
    )


@require_POST
@staff_required
def staff_tag(request: HttpRequest, dog_id: int, step: str) -> HttpResponse:
    """Mark the tag posted (the holder is told) or, after deregistration, returned."""
    dog = _staff_dog(request, dog_id)
    user = resident_from_request(request)
    try:
        if step == "posted":
            tag_mark_posted(dog_id=dog.pk, by=user)
            messages.success(
                request, _("Tag %(tag)s marked as posted; the holder is told.") % {"tag": dog.tag}
            )
        elif step == "returned":
            tag_mark_returned(dog_id=dog.pk, by=user)
            messages.success(request, _("Tag %(tag)s marked as returned.") % {"tag": dog.tag})
        else:
            raise Http404
    except TagStepRefused as refused:
        messages.error(request, str(refused))
    back = request.POST.get("next", "")
    if back == "list":
        return redirect("dog_tax:staff")
    return redirect("dog_tax:staff_dog", dog.pk)


@staff_required
def staff_transfer(request: HttpRequest) -> HttpResponse:
    """A transfer received: book it on the dog tax payment its reference names."""
    user = resident_from_request(request)
    form = TransferForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                booked = transfer_book(
                    user=user,
                    reference=form.cleaned_data["reference"],
                    amount_cents=form.cleaned_data["amount"],
                )
            except TransferRefused as refused:
                form.add_error("reference", str(refused))
                status = 400
            else:
                text = _("%(amount)s booked for %(name)s (tag %(tag)s).") % {
                    "amount": euros(booked.payment.amount_cents),
                    "name": booked.dog_name,
                    "tag": booked.tag,
                }
                if booked.refunded:
                    text += " " + _(
                        "The payment had been cancelled (the dog was deregistered): the money "
                        "is refunded by hand."
                    )
                messages.success(request, text)
                return redirect("dog_tax:staff_transfer")
        else:
            status = 400
    return render(request, "dog_tax/staff_transfer.html", {"form": form}, status=status)


@staff_required
def claim_refuse(request: HttpRequest, case_id: str) -> HttpResponse:
    """Approve the registration at the normal rate and refuse the claimed exemption or
    reduction, with reasons for the notice (linked from the case page)."""
    from buergerportal.applications.steps import answer_summary
    from buergerportal.cases.access import case_for_staff
    from buergerportal.cases.workflow import WorkflowError

    user = resident_from_request(request)
    case = case_for_staff(user, case_id)
    claim = claimed(case)
    if not claim:
        raise Http404
    form = ClaimRefusalForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                claim_refuse_and_approve(
                    application=case, actor=user, reason=form.cleaned_data["reason"]
                )
            except WorkflowError as refused:
                form.add_error(None, str(refused))
                status = 400
            else:
                messages.success(
                    request,
                    _("Approved at the normal rate; the claim is refused. The notice says why."),
                )
                return redirect("cases:case", case.pk)
        else:
            status = 400
    service = service_by_slug(case.service_slug)
    return render(
        request,
        "dog_tax/claim_refuse.html",
        {
            "case": case,
            "claim": claim_label(claim),
            "answers": answer_summary(service, case.data) if service else [],
            "uploads": case.uploads.all(),
            "form": form,
        },
        status=status,
    )
