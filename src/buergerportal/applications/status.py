"""Status lookup without login: reference number and the email address used to apply."""

from __future__ import annotations

from django.db.models import Q

from .models import Application


def status_lookup(*, reference: str, email: str) -> Application | None:
    """The application only if reference and email belong together; None otherwise."""
    email = email.strip().lower()
    return (
        Application.objects.filter(reference=reference)
        .filter(Q(guest_email__iexact=email) | Q(applicant__email__iexact=email))
        .first()
    )
