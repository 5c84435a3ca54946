"""Pool staff pages: seasons with their figures, a course's participants, attendance, messages,
moving a participant and cancelling a course. Seasons and courses: ``staff_edit_views``."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from buergerportal.accounts.models import User
from buergerportal.accounts.permissions import units_for_staff
from buergerportal.accounts.request_user import resident_from_request
from buergerportal.cases.views import staff_required
from buergerportal.core.money import euros
from buergerportal.privacy.access_log import data_accesses_listed

from .access import booking_for_staff, course_for_staff, courses_for_staff, seasons_for_staff
from .cancellation import course_cancel
from .fees import course_price
from .forms import CancelCourseForm, MessageForm
from .models import Booking, Course, Pool, WaitingListEntry
from .staff import (
    MoveRefused,
    attendance_record,
    lesson_days,
    participant_move,
    participants,
    participants_csv,
    participants_message,
    participants_pdf,
    season_figures,
)


@staff_required
def staff_home(request: HttpRequest) -> HttpResponse:
    user = resident_from_request(request)
    seasons = [
        (season, season_figures(season), courses_for_staff(user).filter(season=season))
        for season in seasons_for_staff(user)[:5]
    ]
    pools = Pool.objects.filter(unit__in=units_for_staff(user))
    return render(request, "swim_courses/staff_home.html", {"seasons": seasons, "pools": pools})


def _participants_listed(
    *, course: Course, user: User, waiting: Iterable[WaitingListEntry] = ()
) -> None:
    """The bookers (and those waiting) whose names a page or list shows: in their access log."""
    shown: list[tuple[int | None, Booking | None]] = [
        (b.account_id, b) for b in participants(course)
    ]
    shown += [(entry.account_id, None) for entry in waiting]
    data_accesses_listed(shown=shown, accessor=user)


def _course_page(request: HttpRequest, course_id: int, **forms: object) -> HttpResponse:
    user = resident_from_request(request)
    course = course_for_staff(user, course_id)
    waiting = list(
        WaitingListEntry.objects.filter(course=course, status=WaitingListEntry.Status.WAITING)
    )
    _participants_listed(course=course, user=user, waiting=waiting)
    days = lesson_days(course)
    chosen = request.GET.get("tag", "")
    day = next((d for d in days if d.isoformat() == chosen), days[0] if days else None)
    present = (
        set(
            participants(course)
            .filter(attendance__day=day, attendance__present=True)
            .values_list("pk", flat=True)
        )
        if day is not None
        else set()
    )
    others = [
        (other, course_price(other))
        for other in courses_for_staff(user)
        .filter(season=course.season, cancelled_at=None)
        .exclude(pk=course.pk)
    ]
    return render(
        request,
        "swim_courses/staff_course.html",
        {
            "course": course,
            "participants": [(b, b.pk in present) for b in participants(course)],
            "waiting": waiting,
            "days": days,
            "day": day,
            "others": others,
            "message_form": forms.get("message_form") or MessageForm(),
            "cancel_form": forms.get("cancel_form") or CancelCourseForm(),
        },
    )


@staff_required
def staff_course(request: HttpRequest, course_id: int) -> HttpResponse:
    return _course_page(request, course_id)


@staff_required
def staff_csv(request: HttpRequest, course_id: int) -> HttpResponse:
    user = resident_from_request(request)
    course = course_for_staff(user, course_id)
    _participants_listed(course=course, user=user)
    response = HttpResponse(participants_csv(course), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="teilnehmende-{course.pk}.csv"'
    return response


@staff_required
def staff_pdf(request: HttpRequest, course_id: int) -> HttpResponse:
    user = resident_from_request(request)
    course = course_for_staff(user, course_id)
    _participants_listed(course=course, user=user)
    response = HttpResponse(participants_pdf(course), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="teilnehmende-{course.pk}.pdf"'
    return response


@staff_required
@require_POST
def staff_attendance(request: HttpRequest, course_id: int) -> HttpResponse:
    user = resident_from_request(request)
    course = course_for_staff(user, course_id)
    try:
        day = date.fromisoformat(request.POST.get("day", ""))
        attendance_record(
            course=course,
            day=day,
            present_ids={int(v) for v in request.POST.getlist("present") if v.isdigit()},
            by=user,
        )
    except ValueError:
        messages.error(request, _("Choose one of the course's lesson days."))
        return redirect("swim_courses:staff_course", course_id=course.pk)
    messages.success(request, _("Attendance saved."))
    return redirect(
        reverse("swim_courses:staff_course", args=[course.pk]) + f"?tag={day.isoformat()}"
    )


@staff_required
@require_POST
def staff_message(request: HttpRequest, course_id: int) -> HttpResponse:
    user = resident_from_request(request)
    course = course_for_staff(user, course_id)
    form = MessageForm(request.POST)
    if not form.is_valid():
        return _course_page(request, course_id, message_form=form)
    n = participants_message(
        course=course, subject=form.cleaned_data["subject"], body=form.cleaned_data["body"], by=user
    )
    messages.success(request, _("Message sent to %(n)s accounts.") % {"n": n})
    return redirect("swim_courses:staff_course", course_id=course.pk)


@staff_required
@require_POST
def staff_cancel(request: HttpRequest, course_id: int) -> HttpResponse:
    user = resident_from_request(request)
    course = course_for_staff(user, course_id)
    form = CancelCourseForm(request.POST)
    if not form.is_valid():
        return _course_page(request, course_id, cancel_form=form)
    n = course_cancel(course=course, reason=form.cleaned_data["reason"], by=user)
    messages.success(
        request, _("The course is cancelled; %(n)s bookings were ended and refunded.") % {"n": n}
    )
    return redirect("swim_courses:staff_course", course_id=course.pk)


@staff_required
@require_POST
def staff_move(request: HttpRequest, booking_id: int) -> HttpResponse:
    user = resident_from_request(request)
    booking = booking_for_staff(user, booking_id)
    target_id = request.POST.get("target", "")
    target = courses_for_staff(user).filter(pk=int(target_id) if target_id.isdigit() else 0).first()
    if target is None:
        messages.error(request, _("Choose the course to move the participant to."))
    else:
        try:
            moved = participant_move(booking=booking, target=target, by=user)
        except MoveRefused as refusal:
            messages.error(request, str(refusal))
        else:
            if moved.refunded_cents:
                messages.success(
                    request,
                    _("The participant was moved; %(amount)s is refunded to the resident.")
                    % {"amount": euros(moved.refunded_cents)},
                )
            else:
                messages.success(request, _("The participant was moved."))
    return redirect("swim_courses:staff_course", course_id=booking.course_id)
