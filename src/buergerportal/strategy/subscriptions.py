"""Residents follow a measure by email: they ask, confirm by a link, and then hear of every
change; every email carries a link to stop."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from .models import Measure, MeasureChange, MeasureSubscription


def _link(name: str, subscription: MeasureSubscription) -> str:
    return settings.SITE_URL + reverse(name, args=[subscription.token])


def subscription_request(*, measure: Measure, email: str, language: str) -> MeasureSubscription:
    """Ask ``email`` to confirm following ``measure`` (again, if it asked before)."""
    email = email.strip().lower()
    try:
        with transaction.atomic():
            subscription, _ = MeasureSubscription.objects.get_or_create(
                measure=measure, email=email, defaults={"language": language}
            )
    except IntegrityError:  # two requests at once
        subscription = MeasureSubscription.objects.get(measure=measure, email=email)
    if subscription.confirmed_at is None:
        with translation.override(subscription.language):
            context = {
                "measure": measure,
                "confirm_url": _link("strategy:subscription_confirm", subscription),
                "city": settings.CITY_NAME,
            }
            subject = render_to_string("strategy/email/confirm_subject.txt", context).strip()
            body = render_to_string("strategy/email/confirm_body.txt", context)
        send_mail(subject, body, None, [subscription.email])
    return subscription


def subscription_confirm(*, token: str) -> MeasureSubscription | None:
    subscription = MeasureSubscription.objects.filter(token=token).first()
    if subscription is not None and subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return subscription


def subscription_end(*, token: str) -> bool:
    deleted, _ = MeasureSubscription.objects.filter(token=token).delete()
    return deleted > 0


def subscribers_notify(*, change_id: int) -> int:
    """Email the change to every confirmed subscriber of its measure; returns how many."""
    change = MeasureChange.objects.select_related("measure").get(pk=change_id)
    sent = 0
    for subscription in change.measure.subscriptions.filter(confirmed_at__isnull=False):
        with translation.override(subscription.language):
            context = {
                "measure": change.measure,
                "change": change,
                "measure_url": settings.SITE_URL
                + reverse("strategy:measure", args=[change.measure.number]),
                "end_url": _link("strategy:subscription_end", subscription),
                "city": settings.CITY_NAME,
            }
            subject = render_to_string("strategy/email/change_subject.txt", context).strip()
            body = render_to_string("strategy/email/change_body.txt", context)
        send_mail(subject, body, None, [subscription.email])
        sent += 1
    return sent
