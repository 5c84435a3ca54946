"""Residents and staff, organisational units (Fachbereiche) and roles."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from buergerportal.core.i18n import Text


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **extra: object) -> User:
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: object) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: object) -> User:
        extra.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **extra)


def language_choices() -> list[tuple[str, str]]:
    """The configured languages (``settings.LANGUAGES``), each named in itself."""
    return [(code, str(name)) for code, name in settings.LANGUAGES]


def language_of(code: str | None) -> str:
    """The portal language for a language code such as ``en-gb``: the code itself if it is
    configured, else its base language if that is, else the default language (German)."""
    configured = [c.lower() for c, _name in settings.LANGUAGES]
    code = (code or "").lower()
    for candidate in (code, code.split("-")[0]):
        if candidate in configured:
            return candidate
    return str(settings.LANGUAGE_CODE)


class User(AbstractUser):
    """A person who logs in: a resident, or a member of staff (who belongs to a unit)."""

    username = None  # type: ignore[assignment]  # drops AbstractUser's field: email logs in
    email = models.EmailField(_("email address"), unique=True)
    phone = models.CharField(_("phone number"), max_length=40, blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=16,
        choices=language_choices,
        default="de",
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects = UserManager()  # type: ignore[assignment,misc]  # ours creates users by email

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    @cached_property
    def is_staff_member(self) -> bool:
        """Staff work cases: they belong to a unit, or administer the portal.

        Asked by the second-factor middleware and again by the page on every request: kept for
        the life of this user object (one request), like Django's own cached relations.
        """
        return self.is_staff or self.is_superuser or self.memberships.exists()


class OrgUnit(models.Model):
    """An organisational unit (Fachbereich) such as Bürgerservice or Standesamt."""

    slug = models.SlugField(_("short name"), unique=True)
    name_de = models.CharField(_("name (German)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    email = models.EmailField(_("unit mailbox"), blank=True)
    # Where residents reach the unit: shown on the pages of services that cannot be done
    # online (and under "Contact" on every service page).
    address = models.TextField(_("visiting address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    opening_hours_de = models.TextField(_("opening hours (German)"), blank=True)
    opening_hours_en = models.TextField(_("opening hours (English)"), blank=True)

    class Meta:
        verbose_name = _("organisational unit")
        verbose_name_plural = _("organisational units")
        ordering = ["name_de"]

    def __str__(self) -> str:
        return self.name_de

    @property
    def name(self) -> str:
        """The unit's name in the active language: the columns are its German source and
        English translation; other languages come from the content catalogues (``Text``)."""
        return str(Text(self.name_de, self.name_en))

    @property
    def opening_hours(self) -> str:
        """The opening hours in the active language (German where no translation is kept)."""
        return str(Text(self.opening_hours_de, self.opening_hours_en))

    @property
    def phone_link(self) -> str:
        """The phone number for a ``tel:`` link: digits and a leading plus only."""
        return "".join(c for c in self.phone if c.isdigit() or c == "+")


class Role(models.TextChoices):
    CLERK = "clerk", _("Clerk")
    APPROVER = "approver", _("Approver")
    UNIT_ADMIN = "unit_admin", _("Unit administrator")


class Membership(models.Model):
    """A member of staff holds a role in a unit; one person may hold roles in several units."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="unique_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()}, {self.unit})"
