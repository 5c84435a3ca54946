"""Issuing the family pass on approval: a signed credential and a PDF to print at home."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from buergerportal.applications.models import Application
from buergerportal.applications.steps import walk
from buergerportal.catalogue.registry import service_by_slug
from buergerportal.core.pdf import pdf_render
from buergerportal.documents.credentials import credential_issue, credential_qr_svg
from buergerportal.entitlements.status import entitlement_revoke
from buergerportal.registers.identity import person_for_user

from .models import FamilyPass

KIND = "familypass"


def _holder_name(application: Application) -> str:
    person = person_for_user(application.applicant)
    if person is not None:
        return person.full_name
    user = application.applicant
    return (user.get_full_name() or user.email) if user is not None else ""


@transaction.atomic
def family_pass_issue(*, application: Application, today: date | None = None) -> FamilyPass:
    """The pass an approved application creates (idempotent), valid from the day of approval
    until 31 December of that year, for the holder, the children and up to three adults."""
    existing = FamilyPass.objects.filter(application=application).order_by("pk").first()
    if existing is not None:
        return existing
    service = service_by_slug(application.service_slug)
    assert service is not None  # noqa: S101  (the application was made from it)
    answers = walk(service, application.data).answers
    today = today or timezone.localdate()
    valid_until = date(today.year, 12, 31)
    holder_name = _holder_name(application)
    variant = answers.get("variant") or FamilyPass.Variant.BASIC
    adults = [line.strip() for line in (answers.get("more_adults") or "").splitlines()]
    adults = [name for name in adults if name][:3]
    children = int(answers.get("children_count") or 1)
    issued = credential_issue(
        kind=KIND,
        reference=application.reference,
        valid_from=today,
        valid_until=valid_until,
        facts={
            "n": holder_name,
            "v": variant,
            "c": children,
            **({"a": ", ".join(adults)} if adults else {}),
        },
    )
    return FamilyPass.objects.create(
        application=application,
        reference=application.reference,
        holder=application.applicant,
        holder_name=holder_name,
        language=application.language,
        unit=application.unit,
        valid_from=today,
        valid_until=valid_until,
        credential_id=issued.record.credential_id,
        code=issued.text,
        variant=variant,
        children_count=children,
        more_adults="\n".join(adults),
    )


def family_pass_filename(family_pass: FamilyPass) -> str:
    return f"Familienpass-{family_pass.reference}-{family_pass.valid_until:%Y}.pdf"


def family_pass_pdf(*, family_pass: FamilyPass) -> bytes:
    """The pass's PDF, rendered and stored on first use (WeasyPrint takes ~0.5 s a page)."""
    if family_pass.pdf:
        with family_pass.pdf.open("rb") as handle:
            return handle.read()

    qr_svg = credential_qr_svg(family_pass.code, scale=5)
    with translation.override(family_pass.language):
        html = render_to_string(
            "family_pass/pass.html",
            # segno's own SVG markup, no user input in it:
            {"pass": family_pass, "qr_svg": mark_safe(qr_svg), "city": settings.CITY_NAME},  # noqa: S308
        )
    pdf = pdf_render(html)
    family_pass.pdf.save(family_pass_filename(family_pass), ContentFile(pdf), save=False)
    family_pass.save(update_fields=["pdf"])
    return pdf


def family_pass_on_approve(application: Application) -> None:
    """The engine's hook: approval creates the pass, in the decision's transaction."""
    family_pass_issue(application=application)


def family_pass_notice_lines(application: Application) -> list[str]:
    family_pass = FamilyPass.objects.filter(application=application).first()
    if family_pass is None:
        return []
    return [
        _("The family pass is attached; it is valid from %(start)s until %(end)s.")
        % {
            "start": date_format(family_pass.valid_from, "DATE_FORMAT"),
            "end": date_format(family_pass.valid_until, "DATE_FORMAT"),
        }
    ]


def family_pass_documents(application: Application) -> list[tuple[str, bytes, str]]:
    family_pass = family_pass_issue(application=application)
    return [
        (
            family_pass_filename(family_pass),
            family_pass_pdf(family_pass=family_pass),
            "application/pdf",
        )
    ]


def family_pass_revoke(*, entitlement: FamilyPass, reason: str, actor: Any = None) -> FamilyPass:
    return entitlement_revoke(entitlement=entitlement, reason=reason, actor=actor)
