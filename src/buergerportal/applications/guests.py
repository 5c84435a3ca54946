"""Guests (no account) confirm their email address by a signed link before submitting."""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models import Draft

SALT = "buergerportal.applications.guest-confirm"
MAX_AGE_SECONDS = 3 * 24 * 3600


def guest_confirmation_request(*, draft: Draft, email: str) -> str:
    """Keep the address on the draft and email the confirmation link; returns the token."""
    draft.guest_email = email
    draft.guest_confirmed_at = None
    draft.declaration_accepted = True
    draft.save(
        update_fields=["guest_email", "guest_confirmed_at", "declaration_accepted", "updated_at"]
    )
    token = signing.dumps({"d": str(draft.pk), "e": email}, salt=SALT)
    link = settings.SITE_URL + reverse("applications:guest_confirm", args=[token])
    body = render_to_string(
        "applications/email/guest_confirm_body.txt", {"link": link, "city": settings.CITY_NAME}
    )
    subject = render_to_string("applications/email/guest_confirm_subject.txt").strip()
    draft_id = draft.pk
    transaction.on_commit(lambda: send_mail(subject, body, None, [email]))
    return token if draft_id else ""


def guest_draft_from_token(token: str) -> Draft | None:
    try:
        payload = signing.loads(token, salt=SALT, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature:
        return None
    return Draft.objects.filter(
        pk=payload.get("d"), owner__isnull=True, guest_email=payload.get("e")
    ).first()


def guest_confirm(*, draft: Draft) -> None:
    Draft.objects.filter(pk=draft.pk).update(guest_confirmed_at=timezone.now())
    draft.refresh_from_db(fields=["guest_confirmed_at"])
