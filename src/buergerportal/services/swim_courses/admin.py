"""Pools, seasons and courses in the admin for portal admins; pool staff keep them on their own
pages (``staff_edit_views``)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from buergerportal.accounts.permissions import units_for_staff

from .models import Course, Pool, Season


class UnitScopedAdmin(admin.ModelAdmin):
    unit_path = "unit"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(**{f"{self.unit_path}__in": units_for_staff(request.user)})  # type: ignore[arg-type]

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "unit" and not request.user.is_superuser:
            kwargs["queryset"] = units_for_staff(request.user)  # type: ignore[arg-type]
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Pool)
class PoolAdmin(UnitScopedAdmin):
    list_display = ("name", "address")


@admin.register(Season)
class SeasonAdmin(UnitScopedAdmin):
    list_display = ("name", "opens_at", "lottery_minutes", "max_bookings_per_account")


@admin.register(Course)
class CourseAdmin(UnitScopedAdmin):
    unit_path = "season__unit"
    list_display = ("title", "pool", "weekday", "starts_at", "capacity", "seats_taken")
    list_filter = ("season", "pool", "level")
    readonly_fields = ("seats_taken", "cancelled_at")
