"""Saved queue filters: a member of staff names the filter they use often and applies it with
one click. Each filter belongs to one person; nobody else sees, applies or deletes it."""

from __future__ import annotations

from collections.abc import Mapping

from django.db.models import QuerySet
from django.utils.http import urlencode

from buergerportal.accounts.models import User

from .models import SavedFilter

# The queue's filter parameters (QueueFilterForm); paging and anything else is not kept.
FILTER_KEYS = ("service", "status", "older_than_days", "mine", "sort")
SAVED_FILTER_LIMIT = 30


def filter_query(params: Mapping[str, str]) -> str:
    """The queue's URL parameters without paging or foreign keys, in a stable order."""
    return urlencode([(key, params[key]) for key in FILTER_KEYS if params.get(key)])


def saved_filters_for_staff(user: User) -> QuerySet[SavedFilter]:
    return SavedFilter.objects.filter(owner=user)


class SavedFilterLimitReached(Exception):
    """The person already keeps ``SAVED_FILTER_LIMIT`` filters."""


def saved_filter_save(*, owner: User, name: str, params: Mapping[str, str]) -> SavedFilter:
    """Save the filter under ``name``; saving under a name in use replaces that filter. A new
    name beyond ``SAVED_FILTER_LIMIT`` filters raises ``SavedFilterLimitReached``."""
    mine = saved_filters_for_staff(owner)
    if mine.count() >= SAVED_FILTER_LIMIT and not mine.filter(name=name.strip()).exists():
        raise SavedFilterLimitReached
    saved, _created = SavedFilter.objects.update_or_create(
        owner=owner, name=name.strip(), defaults={"query": filter_query(params)}
    )
    return saved


def saved_filter_delete(*, owner: User, filter_id: object) -> bool:
    """Delete one of the owner's filters; False if there is no such filter of theirs."""
    try:
        pk = int(str(filter_id))
    except ValueError:
        return False
    deleted, _rows = saved_filters_for_staff(owner).filter(pk=pk).delete()
    return bool(deleted)
