"""Dog tag numbers: one series per year, allocated on approval under a row lock.

The counter row is locked and raised inside the decision's transaction: two approvals at the
same moment get consecutive numbers, and a decision rolled back takes its number back with it,
so no number of the series is lost.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from .models import TagSeries


def tag_allocate(*, year: int) -> int:
    """The next tag number of ``year`` (call it inside the transaction that uses it)."""
    with transaction.atomic():
        series = TagSeries.objects.select_for_update().filter(year=year).first()
        if series is None:
            try:
                with transaction.atomic():
                    TagSeries.objects.create(year=year, last=0)
            except IntegrityError:  # created by a parallel approval meanwhile
                pass
            series = TagSeries.objects.select_for_update().get(year=year)
        series.last += 1
        series.save(update_fields=["last"])
        return series.last


class TagStepRefused(Exception):
    """The tag cannot be marked so (the message says why, for staff); nothing was changed."""


def tag_mark_posted(*, dog_id: int, by: Any, on: date | None = None) -> Any:
    """The tax office posted the tag: recorded under the dog's row lock, the holder is told in
    the mailbox (once: a second click changes nothing)."""
    from django.utils.formats import date_format
    from django.utils.translation import gettext as _

    from buergerportal.core.audit import audit_record
    from buergerportal.notifications.mailbox import message_deliver

    from .models import Dog

    on = on or timezone.localdate()
    with transaction.atomic():
        dog = Dog.objects.select_for_update(of=("self",)).select_related("holder").get(pk=dog_id)
        if dog.tag_posted_on is not None:
            return dog
        if dog.ended_on is not None:
            raise TagStepRefused(_("The dog is deregistered: its tag is not posted."))
        dog.tag_posted_on = on
        dog.save(update_fields=["tag_posted_on"])
        audit_record(action="dog_tax.tag_posted", actor=by, obj=dog)
        if dog.holder is not None:
            with translation.override(dog.language):
                message_deliver(
                    recipient=dog.holder,
                    application=dog.application,
                    subject=_("Dog tag %(tag)s posted") % {"tag": dog.tag},
                    body=_(
                        "We posted the dog tag %(tag)s for %(name)s to you on %(date)s. Please "
                        "make sure your dog wears it outside."
                    )
                    % {"tag": dog.tag, "name": dog.name, "date": date_format(on, "DATE_FORMAT")},
                )
    return dog


def tag_mark_returned(*, dog_id: int, by: Any, on: date | None = None) -> Any:
    """The holder of a deregistered dog returned its tag: recorded under the dog's row lock."""
    from django.utils.translation import gettext as _

    from buergerportal.core.audit import audit_record

    from .models import Dog

    with transaction.atomic():
        dog = Dog.objects.select_for_update(of=("self",)).get(pk=dog_id)
        if dog.tag_returned_on is not None:
            return dog
        if dog.ended_on is None:
            raise TagStepRefused(_("The dog is still registered: its tag is not to be returned."))
        dog.tag_returned_on = on or timezone.localdate()
        dog.save(update_fields=["tag_returned_on"])
        audit_record(action="dog_tax.tag_returned", actor=by, obj=dog)
    return dog
