"""Seasons, pools, courses, bookings (a seat hold is a booking not yet paid), the waiting list,
the waiting room's tickets and attendance."""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buergerportal.accounts.models import OrgUnit


class Pool(models.Model):
    name = models.CharField(_("name"), max_length=120)
    address = models.CharField(_("address"), max_length=200)
    accessibility = models.TextField(
        _("accessibility"), blank=True, help_text=_("Step-free access, pool lift, changing rooms")
    )
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["name"]
        verbose_name = _("pool")
        verbose_name_plural = _("pools")

    def __str__(self) -> str:
        return self.name


class Season(models.Model):
    """A booking season: opens at a published time; the first minutes are a lottery window."""

    name = models.CharField(_("name"), max_length=120)
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    opens_at = models.DateTimeField(_("booking opens"))
    waiting_room_from = models.DateTimeField(
        _("waiting room opens"), help_text=_("Residents may join the waiting room from then on")
    )
    lottery_minutes = models.PositiveSmallIntegerField(
        _("random-order window (minutes)"), default=10
    )
    max_bookings_per_account = models.PositiveSmallIntegerField(
        _("bookings per account"), default=2
    )
    hold_minutes = models.PositiveSmallIntegerField(_("seat hold (minutes)"), default=15)
    offer_hours = models.PositiveSmallIntegerField(_("waiting-list offer (hours)"), default=48)
    admit_at_once = models.PositiveIntegerField(
        _("residents booking at the same time"), default=200
    )
    admission_minutes = models.PositiveSmallIntegerField(_("time to book (minutes)"), default=20)
    rules = models.TextField(_("rules"), blank=True)

    class Meta:
        ordering = ["-opens_at"]
        verbose_name = _("season")
        verbose_name_plural = _("seasons")

    def __str__(self) -> str:
        return self.name

    @property
    def lottery_closes_at(self):
        return self.opens_at + timedelta(minutes=self.lottery_minutes)

    def booking_open(self) -> bool:
        return timezone.now() >= self.lottery_closes_at


class Level(models.TextChoices):
    BEGINNER = "beginner", _("beginners")
    ADVANCED = "advanced", _("advanced")
    AQUA = "aqua", _("aqua fitness")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class Course(models.Model):
    season = models.ForeignKey(Season, on_delete=models.PROTECT, related_name="courses")
    pool = models.ForeignKey(Pool, on_delete=models.PROTECT, related_name="courses")
    title = models.CharField(_("title"), max_length=120)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    age_min = models.PositiveSmallIntegerField(_("minimum age"))
    age_max = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    starts_at = models.TimeField(_("time"))
    lesson_minutes = models.PositiveSmallIntegerField(_("lesson (minutes)"), default=45)
    first_day = models.DateField(_("first lesson"))
    last_day = models.DateField(_("last lesson"))
    lessons = models.PositiveSmallIntegerField(_("lessons"))
    price_cents = models.PositiveIntegerField(
        _("price (cents)"), null=True, blank=True, help_text=_("Empty: the fee schedule's price")
    )
    capacity = models.PositiveSmallIntegerField(_("seats"))
    seats_taken = models.PositiveSmallIntegerField(_("seats taken"), default=0, editable=False)
    instructor = models.CharField(_("instructor"), max_length=120, blank=True)
    cancel_days = models.PositiveSmallIntegerField(
        _("free cancellation until (days before the first lesson)"), default=7
    )
    cancelled_at = models.DateTimeField(_("cancelled by the city"), null=True, blank=True)

    class Meta:
        ordering = ["weekday", "starts_at", "pk"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        constraints = [
            models.CheckConstraint(
                condition=Q(seats_taken__lte=models.F("capacity")),
                name="swim_course_not_overbooked",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.pool})"

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.seats_taken, 0)

    @property
    def cancel_until(self):
        return self.first_day - timedelta(days=self.cancel_days)


class BookingStatus(models.TextChoices):
    HELD = "held", _("seat held, awaiting payment")
    OFFERED = "offered", _("seat offered from the waiting list")
    BOOKED = "booked", _("booked")
    EXPIRED = "expired", _("hold expired")
    CANCELLED = "cancelled", _("cancelled")
    CANCELLED_BY_CITY = "cancelled_by_city", _("course cancelled by the city")


SEAT_STATES = (BookingStatus.HELD, BookingStatus.OFFERED, BookingStatus.BOOKED)


class Booking(models.Model):
    """A seat in a course: held (or offered from the waiting list) until paid, then booked."""

    reference = models.CharField(_("reference"), max_length=20, unique=True)
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="bookings")
    season = models.ForeignKey(Season, on_delete=models.PROTECT, related_name="+")
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="swim_bookings"
    )
    for_self = models.BooleanField(_("books for themselves"), default=False)
    participant_name = models.CharField(_("participant"), max_length=120)
    birth_date = models.DateField(_("date of birth"))
    #: lower-cased name + birth date: "the same child" for the one-beginners'-course rule
    participant_key = models.CharField(max_length=200, editable=False)
    beginner = models.BooleanField(default=False, editable=False)
    seat = models.PositiveSmallIntegerField(_("seat"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=BookingStatus.choices)
    request_token = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    price_cents = models.PositiveIntegerField(_("price (cents)"))
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("pay by"), null=True, blank=True, db_index=True)
    booked_at = models.DateTimeField(_("booked"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    payment = models.ForeignKey(
        "payments.Payment", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        constraints = [
            # the database's own guarantee: one person per seat
            models.UniqueConstraint(
                fields=["course", "seat"],
                condition=Q(status__in=SEAT_STATES),
                name="swim_one_person_per_seat",
            ),
            models.UniqueConstraint(
                fields=["season", "account", "participant_key"],
                condition=Q(status__in=SEAT_STATES, beginner=True),
                name="swim_one_beginners_course_per_child",
            ),
        ]

    def __str__(self) -> str:
        return self.reference


class WaitingListEntry(models.Model):
    class Status(models.TextChoices):
        WAITING = "waiting", _("waiting")
        OFFERED = "offered", _("seat offered")
        DONE = "done", _("done")
        WITHDRAWN = "withdrawn", _("withdrawn")

    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="waiting")
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    for_self = models.BooleanField(default=False)
    participant_name = models.CharField(_("participant"), max_length=120)
    birth_date = models.DateField(_("date of birth"))
    participant_key = models.CharField(max_length=200, editable=False)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.WAITING)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    offer = models.OneToOneField(
        Booking, on_delete=models.SET_NULL, null=True, blank=True, related_name="waiting_entry"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("waiting-list entry")
        verbose_name_plural = _("waiting list")
        constraints = [
            models.UniqueConstraint(
                fields=["course", "account", "participant_key"],
                condition=Q(status__in=["waiting", "offered"]),
                name="swim_waiting_once_per_participant",
            )
        ]

    def __str__(self) -> str:
        return f"{self.course_id}/{self.pk}"


class Ticket(models.Model):
    """One account's place in a season's waiting room. ``queue_key`` orders the room: inside
    the random-order window a uniformly random number below ``LATE``, afterwards ``LATE`` plus
    the microseconds since the window closed (first come, first served)."""

    LATE = 2**62

    season = models.ForeignKey(Season, on_delete=models.CASCADE, related_name="tickets")
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    arrived_at = models.DateTimeField(default=timezone.now)
    queue_key = models.BigIntegerField(db_index=True)
    admitted_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("waiting-room ticket")
        verbose_name_plural = _("waiting-room tickets")
        constraints = [
            models.UniqueConstraint(
                fields=["season", "account"], name="swim_one_ticket_per_account"
            )
        ]
        indexes = [models.Index(fields=["season", "queue_key"], name="swim_ticket_order")]

    def __str__(self) -> str:
        return f"{self.season_id}/{self.pk}"


class Attendance(models.Model):
    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="attendance")
    day = models.DateField()
    present = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["booking", "day"], name="swim_attendance_once_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.booking_id} {self.day}"
