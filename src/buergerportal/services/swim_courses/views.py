"""The residents' pages: courses, booking, the waiting room, their bookings. Views parse,
call one function of the plain modules and render."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited

from buergerportal.accounts.request_user import resident_from_request
from buergerportal.core.request_start import request_start
from buergerportal.payments.creation import payment_start

from . import pow as bot_check
from .access import (
    booking_for_resident,
    bookings_for_resident,
    waiting_entries_for_resident,
)
from .cancellation import CancelRefused, booking_cancel, booking_may_cancel
from .catalogue import courses_filtered, season_current
from .fees import course_price
from .forms import CourseFilterForm, JoinForm, ParticipantForm
from .holds import CourseFull, HoldRefused, HoldReplayed, seat_hold
from .models import BookingStatus, Course, Season, Ticket, WaitingListEntry
from .participants import Participant, ParticipantRefused, age_group
from .payment import PaymentRefused, booking_payment_begin
from .waiting_list import WaitingListRefused, waiting_entry_withdraw, waiting_list_join
from .waiting_room import JoinRefused, RoomStatus, ticket_join, ticket_status


def _limited(request: HttpRequest, group: str, setting: str, default: str) -> bool:
    """Rate limits per account and per address (django-ratelimit), counted on every call."""
    rate = str(getattr(settings, setting, default))
    by_user = is_ratelimited(request, group=group, key="user", rate=rate, increment=True)
    by_ip = is_ratelimited(
        request,
        group=group + "-ip",
        key="ip",
        rate=str(getattr(settings, setting + "_IP", "300/m")),
        increment=True,
    )
    return bool(by_user or by_ip)


def course_list(request: HttpRequest) -> HttpResponse:
    season = season_current()
    form = CourseFilterForm(request.GET or None)
    courses = courses_filtered(season, form.cleaned_data if form.is_valid() else {})
    return render(
        request,
        "swim_courses/course_list.html",
        {"season": season, "form": form, "courses": courses},
    )


def course_detail(request: HttpRequest, course_id: int) -> HttpResponse:
    course = get_object_or_404(Course.objects.select_related("pool", "season"), pk=course_id)
    return render(
        request,
        "swim_courses/course_detail.html",
        {"course": course, "price": course_price(course), "age_group": age_group(course)},
    )


def _participant(request: HttpRequest, form: ParticipantForm) -> Participant:
    user = resident_from_request(request)
    data = form.cleaned_data
    for_self = data["who"] == "self"
    name = user.get_full_name() or user.email if for_self else " ".join(data["name"].split())
    return Participant(name=name, birth_date=data["birth_date"], for_self=for_self)


@login_required
def course_book(request: HttpRequest, course_id: int) -> HttpResponse:
    course = get_object_or_404(Course.objects.select_related("pool", "season"), pk=course_id)
    user = resident_from_request(request)
    form = ParticipantForm(request.POST or None)
    full = False
    if request.method == "POST" and _limited(request, "swim-hold", "SWIM_HOLD_RATE", "20/m"):
        messages.error(request, _("Too many requests. Please wait a minute and try again."))
        return redirect("swim_courses:book", course_id=course.pk)
    if request.method == "POST" and form.is_valid():
        try:
            booking = seat_hold(
                course_id=course.pk,
                account=user,
                participant=_participant(request, form),
                request_token=form.cleaned_data["request_token"],
            )
        except HoldReplayed:
            messages.info(
                request, _("This booking request was already sent. Your bookings are below.")
            )
            return redirect("swim_courses:mine")
        except CourseFull as refusal:
            form.add_error(None, str(refusal))
            full = True
        except (HoldRefused, ParticipantRefused) as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(
                request,
                _("Seat held for %(name)s until %(time)s. Please pay now to book it.")
                % {
                    "name": booking.participant_name,
                    "time": date_format(timezone.localtime(booking.expires_at), "TIME_FORMAT"),
                },
            )
            return redirect("swim_courses:mine")
    elif request.method != "POST":
        form = ParticipantForm(initial={"request_token": uuid.uuid4()})
    ticket = Ticket.objects.filter(season=course.season, account=user).first()
    return render(
        request,
        "swim_courses/course_book.html",
        {
            "course": course,
            "form": form,
            "full": full or course.seats_left == 0,
            "ticket": ticket,
            "price": course_price(course),
        },
    )


@login_required
@require_POST
def waiting_list_add(request: HttpRequest, course_id: int) -> HttpResponse:
    course = get_object_or_404(Course.objects.select_related("pool", "season"), pk=course_id)
    form = ParticipantForm(request.POST)
    if form.is_valid():
        try:
            waiting_list_join(
                course=course,
                account=resident_from_request(request),
                participant=_participant(request, form),
            )
        except (WaitingListRefused, ParticipantRefused) as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(
                request,
                _("You are on the waiting list. If a seat becomes free, we offer it to you."),
            )
            return redirect("swim_courses:mine")
    return render(
        request,
        "swim_courses/course_book.html",
        {"course": course, "form": form, "full": True, "price": course_price(course)},
    )


@login_required
def my_bookings(request: HttpRequest) -> HttpResponse:
    user = resident_from_request(request)
    bookings = list(bookings_for_resident(user).order_by("-created_at")[:50])
    now = timezone.now()
    rows = [
        {
            "booking": b,
            "payable": b.status in {BookingStatus.HELD, BookingStatus.OFFERED}
            and b.expires_at is not None
            and b.expires_at > now,
            "cancellable": booking_may_cancel(b),
        }
        for b in bookings
    ]
    waiting = waiting_entries_for_resident(user).filter(status=WaitingListEntry.Status.WAITING)
    return render(request, "swim_courses/mine.html", {"rows": rows, "waiting": waiting})


@login_required
@require_POST
def booking_pay(request: HttpRequest, booking_id: int) -> HttpResponse:
    booking = booking_for_resident(resident_from_request(request), booking_id)
    try:
        payment = booking_payment_begin(booking=booking)
    except PaymentRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("swim_courses:mine")
    return redirect(payment_start(payment=payment))


@login_required
def booking_cancel_view(request: HttpRequest, booking_id: int) -> HttpResponse:
    user = resident_from_request(request)
    booking = booking_for_resident(user, booking_id)
    if request.method == "POST":
        try:
            booking_cancel(booking=booking, by=user)
        except CancelRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request,
                _("The booking is cancelled.")
                + (" " + _("The price is refunded.") if booking.payment_id else ""),
            )
        return redirect("swim_courses:mine")
    return render(request, "swim_courses/cancel.html", {"booking": booking})


@login_required
@require_POST
def waiting_withdraw(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = waiting_entries_for_resident(resident_from_request(request)).filter(pk=entry_id).first()
    if entry is None:
        raise Http404
    waiting_entry_withdraw(entry=entry)
    messages.success(request, _("You have left the waiting list."))
    return redirect("swim_courses:mine")


def _room_context(season: Season, status: RoomStatus | None) -> dict[str, object]:
    return {"season": season, "status": status}


@login_required
def waiting_room(request: HttpRequest, season_id: int) -> HttpResponse:
    season = get_object_or_404(Season, pk=season_id)
    user = resident_from_request(request)
    arrived = request_start(request)  # at the proxy, not when this worker got to it
    ticket = Ticket.objects.select_related("season").filter(season=season, account=user).first()
    form = JoinForm(request.POST or None)
    shown_at = None
    if request.method == "POST" and ticket is None:
        if _limited(request, "swim-join", "SWIM_JOIN_RATE", "10/m"):
            form.add_error(None, _("Too many requests. Please wait a minute and try again."))
        elif form.is_valid() and _proof_ok(form):
            try:
                shown_at = bot_check.stamp_arrival(form.cleaned_data["stamp"], user.pk)
                ticket_join(season=season, account=user, shown_at=shown_at, requested_at=arrived)
            except JoinRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                return redirect("swim_courses:waiting_room", season_id=season.pk)
        else:
            if form.is_valid():
                shown_at = bot_check.stamp_arrival(form.cleaned_data["stamp"], user.pk)
            if not form.errors:
                form.add_error(None, _proof_message(form))
    if request.method == "POST" and ticket is not None:
        return redirect("swim_courses:waiting_room", season_id=season.pk)
    status = ticket_status(ticket=ticket) if ticket is not None else None
    return render(
        request,
        "swim_courses/waiting_room.html",
        {
            **_room_context(season, status),
            "form": form,
            "challenge": bot_check.challenge_new() if ticket is None else None,
            # a form sent again (no JavaScript: too early) keeps the first arrival
            "stamp": bot_check.stamp_new(user.pk, arrived_at=min(arrived, shown_at or arrived)),
            "nojs_wait": int(getattr(settings, "SWIM_NOJS_WAIT_SECONDS", 20)),
            "not_open": timezone.now() < season.waiting_room_from,
        },
    )


def _proof_ok(form: JoinForm) -> bool:
    if form.cleaned_data["altcha"]:
        return bot_check.solution_verify(form.cleaned_data["altcha"])
    return bot_check.stamp_waited(form.cleaned_data["stamp"]) is True


def _proof_message(form: JoinForm) -> str:
    if form.cleaned_data.get("altcha"):
        return _("The security check failed or was already used. Please send the form again.")
    return _(
        "Without JavaScript, please stay on this page for %(seconds)s seconds, then send the "
        "form again. Your place in the random order does not depend on when you arrive."
    ) % {"seconds": int(getattr(settings, "SWIM_NOJS_WAIT_SECONDS", 20))}


@login_required
def waiting_room_status(request: HttpRequest, season_id: int) -> JsonResponse:
    """The waiting room's news for its script (the page shows the same without it), with the
    seconds until it should ask again (``retry_after``, also as the Retry-After header)."""
    if _limited(request, "swim-status", "SWIM_STATUS_RATE", "30/m"):
        response = JsonResponse({"error": "rate", "retry_after": 60}, status=429)
        response["Retry-After"] = "60"
        return response
    ticket = (
        Ticket.objects.select_related("season")
        .filter(season_id=season_id, account=resident_from_request(request))
        .first()
    )
    if ticket is None:
        raise Http404
    status = ticket_status(ticket=ticket)
    response = JsonResponse(
        {
            "admitted": status.admitted,
            "drawing": status.drawing,
            "position": status.position,
            "wait_minutes": status.wait_minutes,
            "in_room": status.in_room,
            "retry_after": status.retry_after,
        }
    )
    if status.retry_after:
        response["Retry-After"] = str(status.retry_after)
    response["Cache-Control"] = "no-store"
    return response
