"""Issuing the permit when the application is approved: a PDF to print at home with a signed QR."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from buergerportal.applications.models import Application
from buergerportal.applications.steps import walk
from buergerportal.catalogue.registry import service_by_slug
from buergerportal.documents.credentials import credential_issue, credential_revoke
from buergerportal.registers.identity import person_for_user

from .models import Permit
from .zones import zone_for_address

KIND = "parking"


class PermitNotIssuable(Exception):
    """The registers no longer support the permit (e.g. moved out of every zone)."""


def permit_pdf_render(*, permit: Permit, qr_svg: str, language: str) -> bytes:
    from weasyprint import HTML

    with translation.override(language):
        html = render_to_string(
            "parking_permit/permit.html",
            {"permit": permit, "qr_svg": mark_safe(qr_svg), "city": settings.CITY_NAME},  # noqa: S308  (segno's own SVG)
        )
    return HTML(string=html).write_pdf()


@transaction.atomic
def permit_issue(*, application: Application, today: date | None = None) -> Permit:
    """Create the permit once for an approved application (idempotent)."""
    existing = Permit.objects.filter(application=application).first()
    if existing is not None:
        return existing
    service = service_by_slug(application.service_slug)
    assert service is not None  # noqa: S101  (the application was made from it)
    answers = walk(service, application.data).answers
    person = person_for_user(application.applicant)
    zone = zone_for_address(person.address) if person else None
    if person is None or zone is None:
        raise PermitNotIssuable
    today = today or timezone.localdate()
    valid_until = date(today.year, 12, 31)
    issued = credential_issue(
        kind=KIND,
        reference=application.reference,
        valid_from=today,
        valid_until=valid_until,
        facts={"z": f"{zone.code} {zone.name}", "p": answers["plate"]},
    )
    permit = Permit(
        application=application,
        person_key=person.person_key,
        plate=answers["plate"],
        zone=zone,
        valid_from=today,
        valid_until=valid_until,
        credential_id=issued.record.credential_id,
        code=issued.text,
    )
    pdf = permit_pdf_render(
        permit=permit, qr_svg=issued.qr_svg(scale=5), language=application.language
    )
    permit.pdf.save(
        f"Bewohnerparkausweis-{application.reference}.pdf", ContentFile(pdf), save=False
    )
    permit.save()
    return permit


def permit_documents(application: Application) -> list[tuple[str, bytes, str]]:
    """The engine's hook: what an approved application delivers besides the notice."""
    permit = permit_issue(application=application)
    with permit.pdf.open("rb") as handle:
        return [
            (f"Bewohnerparkausweis-{application.reference}.pdf", handle.read(), "application/pdf")
        ]


@transaction.atomic
def permit_revoke(*, permit: Permit, reason: str, actor: object = None) -> Permit:
    """E.g. moved away or vehicle sold: the printed permit then verifies as revoked."""
    permit = Permit.objects.select_for_update().get(pk=permit.pk)
    if permit.status != Permit.Status.REVOKED:
        permit.status = Permit.Status.REVOKED
        permit.revocation_reason = reason[:200]
        permit.save(update_fields=["status", "revocation_reason"])
        credential_revoke(credential_id=permit.credential_id, reason=reason, actor=actor)
    return permit
