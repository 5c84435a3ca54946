"""The embedded business register (Gewerberegister) and the log of extended lookups.

A ``Business`` is one trader's registered business (a sole trader or a company), with one or more
``Establishment`` rows (the main one and branches) and the history of its notifications
(``TradeNotification``: registration, change, deregistration; Gewerbeanzeige, § 14 GewO).
Only name, business address and activity are public (§ 14 (5)); the owner's data is for
lookups with a legal interest (§ 14 (7)), each one written to ``ExtendedLookup``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LegalForm(models.TextChoices):
    SOLE_TRADER = "sole", _("Sole trader")
    REGISTERED_TRADER = "ek", _("Registered trader (e.K.)")
    GBR = "gbr", _("Civil-law partnership (GbR)")
    OHG = "ohg", _("General partnership (OHG)")
    KG = "kg", _("Limited partnership (KG)")
    GMBH = "gmbh", _("Limited company (GmbH)")
    UG = "ug", _("Entrepreneurial company (UG)")
    AG = "ag", _("Public limited company (AG)")


class BusinessKind(models.TextChoices):
    """The kind of business, as GewA 1 asks it."""

    INDUSTRY = "industry", _("Industry")
    CRAFTS = "crafts", _("Crafts")
    TRADE = "trade", _("Trade")
    OTHER = "other", _("Other")


class Business(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        DEREGISTERED = "deregistered", _("Deregistered")

    number = models.CharField(max_length=12, unique=True)  # "GW-0000001", printed on extracts
    name = models.CharField(max_length=200)
    legal_form = models.CharField(max_length=8, choices=LegalForm.choices)
    activity = models.CharField(max_length=300)
    activity_code = models.CharField(max_length=10, blank=True)  # WZ 2008 class, e.g. "10.71"
    # the trader (for a company: its legal representative); never public
    owner_family_name = models.CharField(max_length=100)
    owner_given_names = models.CharField(max_length=100, blank=True)
    owner_birth_date = models.DateField(null=True, blank=True)
    owner_address = models.CharField(max_length=200, blank=True)
    owner_birth_place = models.CharField(max_length=100, blank=True)
    owner_nationality = models.CharField(max_length=100, blank=True)
    # further fields of the Gewerbeanzeige (GewA 1, Anlage 1 GewAnzV 2014); never public either
    register_entry = models.CharField(max_length=100, blank=True)  # "Amtsgericht Mannheim HRB 1"
    kind = models.CharField(max_length=10, choices=BusinessKind.choices, blank=True)
    side_business = models.BooleanField(default=False)  # carried on as a sideline (Nebenerwerb)
    staff_full_time = models.PositiveIntegerField(null=True, blank=True)  # at the start
    staff_part_time = models.PositiveIntegerField(null=True, blank=True)
    permit = models.CharField(max_length=200, blank=True)  # a permit the activity needs, by whom
    crafts_register = models.CharField(max_length=200, blank=True)  # Handwerksrolle: chamber
    # the owner's portal account, if they have one: they see who looked them up
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.ACTIVE)
    registered_on = models.DateField()
    deregistered_on = models.DateField(null=True, blank=True)
    # folded name, activity and addresses of the open establishments (folding.text_fold); the
    # full-text index (FTS5 on SQLite, pg_trgm on PostgreSQL, migration 0002) covers the active
    search_text = models.TextField(blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["status"], name="business_status_idx"),
            # the owner's own businesses are found by the date of birth (owners.py)
            models.Index(fields=["owner_birth_date"], name="business_owner_birth_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.name}"


class Establishment(models.Model):
    """A place the business is carried on: the main establishment or a branch."""

    business = models.ForeignKey(Business, on_delete=models.CASCADE, related_name="establishments")
    street = models.CharField(max_length=100)
    house_number = models.CharField(max_length=10)
    postcode = models.CharField(max_length=5)
    city = models.CharField(max_length=100)
    main = models.BooleanField(default=True)
    opened_on = models.DateField()
    closed_on = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.street} {self.house_number}, {self.postcode} {self.city}"


class NoticeReason(models.TextChoices):
    """Why a business is registered (GewA 1), changed (GewA 2) or deregistered (GewA 3)."""

    NEW = "new", _("Newly founded")
    TAKEOVER = "takeover", _("Taken over (purchase, lease, inheritance)")
    MOVED_IN = "moved_in", _("Moved here from another district")
    LEGAL_FORM = "legal_form", _("Change of legal form")
    MOVED = "moved", _("Establishment moved")
    ACTIVITY = "activity", _("Activity changed, extended or reduced")
    CLOSED = "closed", _("Business given up")
    MOVED_OUT = "moved_out", _("Moved to another district")
    HANDED_OVER = "handed_over", _("Handed over to a successor")


NOTICE_REASONS = {
    "registration": (
        NoticeReason.NEW, NoticeReason.TAKEOVER, NoticeReason.MOVED_IN, NoticeReason.LEGAL_FORM
    ),
    "change": (NoticeReason.MOVED, NoticeReason.ACTIVITY),
    "deregistration": (
        NoticeReason.CLOSED, NoticeReason.MOVED_OUT, NoticeReason.HANDED_OVER,
        NoticeReason.LEGAL_FORM,
    ),
}  # fmt: skip


class TradeNotification(models.Model):
    """One Gewerbeanzeige (GewA 1/2/3) as recorded by the trade office."""

    class Kind(models.TextChoices):
        REGISTRATION = "registration", _("Registration")
        CHANGE = "change", _("Change of registration")
        DEREGISTRATION = "deregistration", _("Deregistration")

    business = models.ForeignKey(Business, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    effective_on = models.DateField()
    reason = models.CharField(max_length=20, blank=True)  # NoticeReason
    previous_owner = models.CharField(max_length=200, blank=True)  # on a takeover
    details = models.JSONField(default=dict, blank=True)  # the fields the notice changed
    recorded_at = models.DateTimeField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["effective_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.effective_on}"


class ExtendedLookup(models.Model):
    """Who looked at a business's further data, when and why (§ 14 (11) GewO); deleted after six
    months by the job ``business_lookup.logs_purge``."""

    business = models.ForeignKey(
        Business, null=True, blank=True, on_delete=models.CASCADE, related_name="lookups"
    )
    application = models.OneToOneField(
        "applications.Application",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="business_lookup",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requester_name = models.CharField(max_length=200)
    reason = models.CharField(max_length=40)
    reason_detail = models.TextField(blank=True)
    file_reference = models.CharField(max_length=100, blank=True)
    positive = models.BooleanField()
    looked_up_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-looked_up_at"]

    def __str__(self) -> str:
        return f"{self.looked_up_at:%Y-%m-%d %H:%M} {self.reason}"
