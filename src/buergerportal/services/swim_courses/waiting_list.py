"""The waiting list of a full course: a freed seat is offered to the next in line, who has the
season's offer time to accept it by paying; unanswered, the offer expires and goes on."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from buergerportal.accounts.models import User
from buergerportal.core.audit import audit_record
from buergerportal.notifications.mailbox import message_deliver

from .fees import course_price
from .models import SEAT_STATES, Booking, BookingStatus, Course, Level, WaitingListEntry
from .participants import Participant, participant_check


class WaitingListRefused(Exception):
    """The resident cannot join this waiting list; the message says why."""


def waiting_list_join(
    *, course: Course, account: User, participant: Participant
) -> WaitingListEntry:
    """Put ``participant`` on the waiting list of a full course (once per participant)."""
    if course.cancelled_at is not None:
        raise WaitingListRefused(_("This course does not exist or can no longer be booked."))
    participant_check(course=course, participant=participant)
    if Booking.objects.filter(
        course=course, account=account, participant_key=participant.key, status__in=SEAT_STATES
    ).exists():
        raise WaitingListRefused(
            _("%(name)s already has a seat in this course.") % {"name": participant.name}
        )
    try:
        with transaction.atomic():
            entry = WaitingListEntry.objects.create(
                course=course,
                account=account,
                for_self=participant.for_self,
                participant_name=participant.name,
                birth_date=participant.birth_date,
                participant_key=participant.key,
            )
    except IntegrityError:
        raise WaitingListRefused(
            _("%(name)s is already on this waiting list.") % {"name": participant.name}
        ) from None
    audit_record(action="swim.waiting_list_joined", actor=account, obj=entry)
    return entry


def waiting_position(entry: WaitingListEntry) -> int:
    return (
        WaitingListEntry.objects.filter(
            course_id=entry.course_id,
            status=WaitingListEntry.Status.WAITING,
            created_at__lte=entry.created_at,
        )
        .exclude(pk=entry.pk)
        .count()
        + 1
    )


def offer_next(*, course: Course, seat: int | None) -> Booking | None:
    """Offer ``seat`` of the locked ``course`` to the first waiting person (or return None)."""
    from .holds import booking_reference_new

    entry = (
        WaitingListEntry.objects.select_for_update(of=("self",))
        .filter(course=course, status=WaitingListEntry.Status.WAITING)
        .select_related("account")
        .first()
    )
    if entry is None:
        return None
    now = timezone.now()
    season = course.season
    offer = Booking.objects.create(
        reference=booking_reference_new(),
        course=course,
        season=season,
        account=entry.account,
        for_self=entry.for_self,
        participant_name=entry.participant_name,
        birth_date=entry.birth_date,
        participant_key=entry.participant_key,
        beginner=course.level == Level.BEGINNER,
        seat=seat,
        status=BookingStatus.OFFERED,
        price_cents=course_price(course),
        created_at=now,
        expires_at=now + timedelta(hours=season.offer_hours),
    )
    entry.status = WaitingListEntry.Status.OFFERED
    entry.offer = offer
    entry.save(update_fields=["status", "offer"])
    audit_record(action="swim.seat_offered", obj=offer)
    user = entry.account
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        message_deliver(
            recipient=user,
            subject=_("A seat in a swimming course is free for you"),
            body=_(
                "A seat in %(course)s is free for %(name)s. Accept it by paying %(price)s by "
                "%(deadline)s; after that it goes to the next person on the waiting list. "
                "Your bookings: %(url)s"
            )
            % {
                "course": course.title,
                "name": entry.participant_name,
                "price": _euros(offer.price_cents),
                "deadline": date_format(timezone.localtime(offer.expires_at), "DATETIME_FORMAT"),
                "url": settings.SITE_URL + reverse("swim_courses:mine"),
            },
        )
    return offer


def _euros(cents: int) -> str:
    from buergerportal.core.money import euros

    return euros(cents)


def waiting_entry_withdraw(*, entry: WaitingListEntry) -> None:
    if entry.status == WaitingListEntry.Status.WAITING:
        entry.status = WaitingListEntry.Status.WITHDRAWN
        entry.save(update_fields=["status"])
