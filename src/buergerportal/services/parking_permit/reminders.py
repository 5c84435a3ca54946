"""Proactive renewal: "your permit expires in 30 days — renew in one click"."""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from buergerportal.notifications.mailbox import message_deliver

from .models import Permit


def _email(*, subject: str, body: str, to: str) -> None:
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to], fail_silently=True)


def permit_reminders_send(*, today: date | None = None) -> int:
    """Remind holders of permits ending within the window that do not renew by direct debit.

    Each permit is reminded once (``reminded_at``); returns how many reminders were sent.
    """
    today = today or timezone.localdate()
    window_end = today + timedelta(days=settings.PARKING_PERMIT_RENEWAL_WINDOW_DAYS)
    due = Permit.objects.filter(
        status=Permit.Status.VALID,
        auto_renew=False,
        reminded_at__isnull=True,
        renewal__isnull=True,
        valid_until__gte=today,
        valid_until__lte=window_end,
    ).select_related("application", "holder")
    sent = 0
    for permit in due.iterator(chunk_size=500):
        user = permit.holder
        if user is None:
            continue
        with transaction.atomic(), translation.override(permit.language):
            url = settings.SITE_URL + reverse("parking_permit:list")
            subject = _("Your resident parking permit expires on %(date)s") % {
                "date": permit.valid_until.strftime("%d.%m.%Y")
            }
            body = _(
                "Your permit for %(plate)s expires on %(date)s. Renew it in one click: %(url)s"
            ) % {"plate": permit.plate, "date": permit.valid_until.strftime("%d.%m.%Y"), "url": url}
            message_deliver(
                recipient=user, application=permit.application, subject=subject, body=body
            )
            Permit.objects.filter(pk=permit.pk).update(reminded_at=timezone.now())
            transaction.on_commit(partial(_email, subject=subject, body=body, to=user.email))
        sent += 1
    return sent
