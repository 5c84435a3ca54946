"""The emails about an application. They name the service and reference, nothing personal."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from buergerportal.applications.models import Application
from buergerportal.catalogue.registry import service_by_slug

KINDS = ("received", "info_requested", "decided")


def application_email(*, application: Application, kind: str) -> None:
    """Send the email ``kind`` to the applicant, in the language they applied in."""
    if kind not in KINDS or not application.contact_email:
        return
    service = service_by_slug(application.service_slug)
    with translation.override(application.language):
        context = {
            "application": application,
            "service_title": str(service.title) if service else application.service_slug,
            "site_url": settings.SITE_URL,
            "city": settings.CITY_NAME,
            "has_account": application.applicant_id is not None,
        }
        subject = render_to_string(f"notifications/email/{kind}_subject.txt", context).strip()
        body = render_to_string(f"notifications/email/{kind}_body.txt", context)
    send_mail(subject, body, None, [application.contact_email])
