"""The lookup's pages: public search, starting an extended request for one business, the owner's
log of lookups, and the trade office's intake. Views parse, call one function, render."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django_ratelimit.decorators import ratelimit

from buergerportal.accounts.identity.step_up import bundid_linked
from buergerportal.accounts.models import OrgUnit
from buergerportal.accounts.permissions import staff_has_role
from buergerportal.accounts.request_user import resident_from_request
from buergerportal.applications.drafts import draft_save_step, draft_start

from .definition import SERVICE
from .forms import IntakeForm, SearchForm
from .lookup_log import lookups_for_owner
from .owners import businesses_owned, owner_identity_known
from .public_search import business_search
from .register import business_register
from .register.base import BusinessNotFound, EstablishmentNotFound, TradeNotice
from .requests import requests_about
from .rules import OPEN_REQUEST_STATUSES


def _search_rate(group: str, request: HttpRequest) -> str:
    return str(settings.BUSINESS_SEARCH_RATE)


def _page(request: HttpRequest) -> int:
    try:
        return int(request.GET.get("seite", "1"))
    except ValueError:
        return 1


@ratelimit(key="ip", rate=_search_rate, method="GET", block=False)
def search(request: HttpRequest) -> HttpResponse:
    """Anyone, no account: find a business by name, address, street or activity."""
    form = SearchForm(request.GET if "q" in request.GET else None)
    context: dict[str, object] = {"form": form, "service": SERVICE}
    if form.is_bound:
        if getattr(request, "limited", False):
            form.is_valid()
            form.add_error(
                None, _("You have searched many times in a short time. Please try again later.")
            )
            return render(request, "business_lookup/search.html", context, status=429)
        if form.is_valid():
            context["result"] = business_search(form.cleaned_data["q"], page=_page(request))
            context["query"] = form.cleaned_data["q"]
    return render(request, "business_lookup/search.html", context)


@login_required
def request_start(request: HttpRequest, number: str) -> HttpResponse:
    """Ask for further data about one business found in the search (§ 14 (7) GewO)."""
    record = business_register().business(number)
    if record is None or not record.active:
        raise Http404
    answers = {
        "business_number": record.number,
        "business_name": record.name,
        "business_address": record.address,
    }
    earlier = requests_about(applicant=request.user, answers=answers)
    still_open = [a for a in earlier if a.status in OPEN_REQUEST_STATUSES]
    if request.method == "POST" and not still_open:
        draft = draft_start(service=SERVICE, user=request.user)
        draft_save_step(
            draft=draft, step_slug="betrieb", raw={k: [str(v)] for k, v in answers.items()}
        )
        return redirect("applications:step", draft.pk, "interesse")
    hit = {"name": record.name, "activity": record.activity, "number": record.number}
    return render(
        request,
        "business_lookup/request_start.html",
        {
            "business": hit,
            "address": answers["business_address"],
            "still_open": still_open,
            "earlier": earlier,
        },
    )


@login_required
def my_lookups(request: HttpRequest) -> HttpResponse:
    """A business owner reads who looked up their business's further data, when and why (the
    businesses are recognised by the owner's verified identity, ``owners.py``)."""
    user = resident_from_request(request)
    businesses = businesses_owned(user)
    return render(
        request,
        "business_lookup/lookups.html",
        {
            "businesses": businesses,
            "lookups": lookups_for_owner(businesses),
            "identity_known": owner_identity_known(user),
            "process": "login" if bundid_linked(user) else "connect",
            "here": request.get_full_path(),
        },
    )


def _trade_office_staff(request: HttpRequest) -> None:
    unit = OrgUnit.objects.filter(slug=SERVICE.unit).first()
    if unit is None or not staff_has_role(resident_from_request(request), unit=unit):
        raise Http404


@login_required
def intake(request: HttpRequest) -> HttpResponse:
    """Trade-office staff record a Gewerbeanzeige; the register is updated at once."""
    _trade_office_staff(request)
    form = IntakeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
        try:
            number = business_register().notice_record(TradeNotice(**data), actor=request.user)
        except BusinessNotFound:
            form.add_error("number", _("No active business has this number. Check the number."))
        except EstablishmentNotFound:
            form.add_error("street", _("This business has no open branch at this address."))
        else:
            messages.success(
                request,
                _("The notification is recorded for business %(number)s.") % {"number": number},
            )
            return redirect("business_lookup:intake")
    return render(request, "business_lookup/intake.html", {"form": form})
