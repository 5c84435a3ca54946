"""The resident's emails that follow the lifecycle kernel's events (the notice's own email is
sent when the notice is issued)."""

from __future__ import annotations

from buergerportal.procedures.events import ApplicationSubmitted, InformationRequested

from .tasks import application_email_send


def email_on_submitted(event: ApplicationSubmitted) -> None:
    application_email_send.enqueue(application_id=event.application_id, kind="received")


def email_on_information_requested(event: InformationRequested) -> None:
    application_email_send.enqueue(application_id=event.application_id, kind="info_requested")
