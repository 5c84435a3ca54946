"""The queue's filter as it travels in the URL: from the queue to the case page and on to the
next case, so "next case" follows the filter the clerk chose."""

from __future__ import annotations

from django.http import QueryDict

from buergerportal.accounts.models import User
from buergerportal.accounts.permissions import units_for_staff
from buergerportal.catalogue.registry import all_services

from .forms import QueueFilterForm
from .queues import QueueFilter


def queue_filter_parse(params: QueryDict, *, user: User) -> tuple[QueueFilterForm, QueueFilter]:
    """The filter form for ``params`` (the person's units' services) and the filter it gives;
    invalid parameters give the default filter (open cases, overdue first)."""
    slugs = set(units_for_staff(user).values_list("slug", flat=True))
    services = [(s.slug, str(s.title)) for s in all_services() if s.unit in slugs]
    form = QueueFilterForm(params or None, services=services)
    if not form.is_valid():
        return form, QueueFilter()
    data = form.cleaned_data
    return form, QueueFilter(
        service=data["service"] or "",
        status=data["status"] or "open",
        older_than_days=data["older_than_days"],
        mine=data["mine"],
        sort=data["sort"] or "due",
    )
