"""Accessibility feedback: stored for staff and sent to the city's accessibility contact."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction

from .audit import audit_record
from .models import AccessibilityFeedback


def feedback_submit(
    *, page_url: str, message: str, name: str = "", email: str = ""
) -> AccessibilityFeedback:
    feedback = AccessibilityFeedback.objects.create(
        page_url=page_url, message=message, name=name, email=email
    )
    audit_record(action="feedback.received", obj=feedback)
    transaction.on_commit(lambda: _notify_staff(feedback))
    return feedback


def _notify_staff(feedback: AccessibilityFeedback) -> None:
    send_mail(
        subject=f"[Barrierefreiheit] Rückmeldung #{feedback.pk}",
        message=(
            f"Seite: {feedback.page_url or '-'}\n"
            f"Name: {feedback.name or '-'}\nE-Mail: {feedback.email or '-'}\n\n{feedback.message}"
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[str(settings.FEEDBACK_EMAIL)],
        fail_silently=True,  # the feedback is stored; staff also see it in the admin
    )
