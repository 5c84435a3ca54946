"""Pool staff pages for their seasons and courses: create and edit, validated on the server
(the rules are in ``forms`` and ``master_data``)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from buergerportal.accounts.permissions import units_for_staff
from buergerportal.accounts.request_user import resident_from_request
from buergerportal.cases.views import staff_required

from .access import course_for_staff, seasons_for_staff
from .forms import CourseForm, PoolForm, SeasonForm
from .master_data import CourseEditRefused, course_save, pool_save, season_save
from .models import Course, Pool, Season


def _season(request: HttpRequest, season_id: int) -> Season:
    season = seasons_for_staff(resident_from_request(request)).filter(pk=season_id).first()
    if season is None:
        raise Http404
    return season


@staff_required
def season_edit(request: HttpRequest, season_id: int | None = None) -> HttpResponse:
    user = resident_from_request(request)
    season = _season(request, season_id) if season_id is not None else Season()
    units = units_for_staff(user)
    form = SeasonForm(request.POST or None, instance=season, units=units)
    if request.method == "POST" and form.is_valid():
        season = season_save(
            season=form.save(commit=False), unit=form.cleaned_data["unit"], by=user
        )
        messages.success(request, _("The season %(name)s is saved.") % {"name": season.name})
        return redirect("swim_courses:staff")
    title = _("Edit the season") if season.pk else _("New season")
    return render(
        request, "swim_courses/staff_edit.html", {"form": form, "title": title, "season": season}
    )


@staff_required
def course_edit(
    request: HttpRequest, season_id: int | None = None, course_id: int | None = None
) -> HttpResponse:
    user = resident_from_request(request)
    if course_id is not None:
        course = course_for_staff(user, course_id)
        season = course.season
    else:
        season = _season(request, season_id or 0)
        course = Course(season=season)
    pools = Pool.objects.filter(unit=season.unit)
    form = CourseForm(request.POST or None, instance=course, pools=pools)
    if request.method == "POST" and form.is_valid():
        try:
            course = course_save(course=form.save(commit=False), by=user)
        except CourseEditRefused as refusal:
            form.add_error("capacity", str(refusal))
        else:
            messages.success(request, _("The course %(title)s is saved.") % {"title": course.title})
            return redirect("swim_courses:staff_course", course_id=course.pk)
    title = _("Edit the course") if course.pk else _("New course")
    return render(
        request, "swim_courses/staff_edit.html", {"form": form, "title": title, "season": season}
    )


@staff_required
def pool_edit(request: HttpRequest, pool_id: int | None = None) -> HttpResponse:
    user = resident_from_request(request)
    units = units_for_staff(user)
    pool = Pool()
    if pool_id is not None:
        found = Pool.objects.filter(pk=pool_id, unit__in=units).first()
        if found is None:
            raise Http404
        pool = found
    form = PoolForm(request.POST or None, instance=pool, units=units)
    if request.method == "POST" and form.is_valid():
        unit = form.cleaned_data["unit"]
        pool = pool_save(pool=form.save(commit=False), unit=unit, by=user)
        messages.success(request, _("The pool %(name)s is saved.") % {"name": pool.name})
        return redirect("swim_courses:staff")
    title = _("Edit the pool") if pool.pk else _("New pool")
    return render(request, "swim_courses/staff_edit.html", {"form": form, "title": title})
