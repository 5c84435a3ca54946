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
from django_ratelimit.decorators import ratelimit

from buergerportal.accounts.request_user import resident_from_request
from buergerportal.cases.views import staff_required
from buergerportal.core.money import euros
from buergerportal.payments.access import payments_for_payable
from buergerportal.payments.models import Mandate
from buergerportal.privacy.access_log import data_accesses_listed

from .access import dog_for_resident, dogs_for_resident, dogs_search
from .breeds import breed_name
from .deregistration import DeregistrationRefused, dog_deregister
from .forms import DeregisterForm
from .issue import dog_filename, dog_pdf, next_due_on, rate_text


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
        }
        for dog in dogs_for_resident(user)
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
    from weasyprint import HTML

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
    response = HttpResponse(HTML(string=html).write_pdf(), content_type="application/pdf")
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
    data_accesses_listed(shown=[(dog.holder_id, dog) for dog, _breed in rows], accessor=user)
    return render(request, "dog_tax/staff_search.html", {"query": query, "rows": rows})
