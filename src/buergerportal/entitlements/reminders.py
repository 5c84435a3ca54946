"""Proactive renewal: "your permit ends in 30 days — renew it here", for every kind of
entitlement that says how it is renewed (``kinds.Renewal``)."""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from buergerportal.notifications.mailbox import message_deliver

from .kinds import EntitlementKind, entitlement_kinds
from .models import Entitlement


def _email(*, subject: str, body: str, to: str) -> None:
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to], fail_silently=True)


def entitlement_reminders_send(*, today: date | None = None) -> int:
    """Remind, once, the holders of entitlements that end within their kind's renewal window
    (and do not renew by direct debit); returns how many reminders were sent."""
    today = today or timezone.localdate()
    return sum(
        _kind_remind(kind, today) for kind in entitlement_kinds() if kind.renewal is not None
    )


def _kind_remind(kind: EntitlementKind, today: date) -> int:
    assert kind.renewal is not None  # noqa: S101  (only kinds that renew are asked)
    window_end = today + timedelta(days=kind.renewal.window_days())
    due = kind.renewal.remindable(
        kind.model._default_manager.filter(
            status=Entitlement.Status.VALID,
            reminded_at__isnull=True,
            valid_until__gte=today,
            valid_until__lte=window_end,
            holder__isnull=False,
        )
    ).select_related("holder")
    sent = 0
    for entitlement in due.iterator(chunk_size=500):
        user = entitlement.holder
        with transaction.atomic(), translation.override(entitlement.language):
            values = {
                "title": capfirst(str(kind.title)),
                "what": kind.describe(entitlement),
                "date": entitlement.valid_until.strftime("%d.%m.%Y"),
                "url": settings.SITE_URL + kind.renewal.renew_url(entitlement),
            }
            subject = _("%(title)s %(what)s: valid until %(date)s") % values
            body = (
                _(
                    "%(title)s %(what)s is valid until %(date)s. Renew it or apply for the next "
                    "one here: %(url)s"
                )
                % values
            )
            message_deliver(
                recipient=user,
                application=getattr(entitlement, "application", None),
                subject=subject,
                body=body,
            )
            type(entitlement)._default_manager.filter(pk=entitlement.pk).update(
                reminded_at=timezone.now()
            )
            transaction.on_commit(partial(_email, subject=subject, body=body, to=user.email))
        sent += 1
    return sent
