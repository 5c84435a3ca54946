"""Permission-scoped reads: a resident sees only their own orders, staff only their units'."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from buergerportal.accounts.models import User
from buergerportal.accounts.permissions import units_for_staff
from buergerportal.applications.access import applications_for_resident
from buergerportal.procedures.models import Application

from .fees import SERVICE_SLUG
from .models import DispatchBatch


def orders_for_resident(user: User) -> QuerySet[Application]:
    return (
        applications_for_resident(user)
        .filter(service_slug=SERVICE_SLUG)
        .select_related("certificate_order")
        .order_by("-submitted_at")
    )


def order_for_resident(user: User, application_id: object) -> Application:
    order = orders_for_resident(user).filter(pk=str(application_id)).first()
    if order is None:
        raise Http404
    return order


def batches_for_staff(user: User) -> QuerySet[DispatchBatch]:
    return DispatchBatch.objects.filter(unit__in=units_for_staff(user))


def batch_for_staff(user: User, batch_id: int) -> DispatchBatch:
    batch = batches_for_staff(user).filter(pk=batch_id).first()
    if batch is None:
        raise Http404
    return batch
