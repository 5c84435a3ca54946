"""Issuing permits: a signed credential for the QR code, and a PDF to print at home."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from buergerportal.accounts.models import OrgUnit
from buergerportal.applications.models import Application
from buergerportal.applications.steps import walk
from buergerportal.catalogue.definitions import ApprovalRefused
from buergerportal.catalogue.registry import service_by_slug
from buergerportal.core.pdf import pdf_render
from buergerportal.documents.credentials import credential_issue, credential_qr_svg
from buergerportal.entitlements.status import entitlement_revoke
from buergerportal.registers.identity import person_for_user

from .models import Permit, Zone
from .validity import first_permit_period, renewal_period
from .zones import zone_for_address

KIND = "parking"


class PermitNotIssuable(ApprovalRefused):
    """The registers no longer support the permit (e.g. moved out of every zone)."""


def permit_create(
    *,
    application: Application | None = None,
    person_key: str,
    plate: str,
    zone: Zone,
    valid_from: date,
    valid_until: date,
    renewed_from: Permit | None = None,
    replaces: Permit | None = None,
) -> Permit:
    """The permit and its signed credential; the PDF is rendered when first needed.

    Issued on ``application``, or as the renewal (``renewed_from``) or replacement
    (``replaces``) of a permit, whose application, reference number, holder, language and unit
    it keeps: the permit needs none of them from the application to be shown or verified.
    """
    predecessor = renewed_from or replaces
    unit: OrgUnit | None
    if application is not None:
        reference, holder = application.reference, application.applicant
        language, unit = application.language, application.unit
    elif predecessor is not None:
        application = predecessor.application
        reference, holder = predecessor.reference, predecessor.holder
        language, unit = predecessor.language, predecessor.unit
    else:
        raise ValueError("a permit is issued on an application or renews/replaces a permit")
    issued = credential_issue(
        kind=KIND,
        reference=reference,
        valid_from=valid_from,
        valid_until=valid_until,
        facts={"z": f"{zone.code} {zone.name}", "p": plate},
    )
    return Permit.objects.create(
        application=application,
        reference=reference,
        holder=holder,
        language=language,
        unit=unit,
        person_key=person_key,
        plate=plate,
        zone=zone,
        valid_from=valid_from,
        valid_until=valid_until,
        credential_id=issued.record.credential_id,
        code=issued.text,
        renewed_from=renewed_from,
        auto_renew=renewed_from.auto_renew if renewed_from else False,
    )


def permit_pdf_render(*, permit: Permit, qr_svg: str, language: str) -> bytes:
    """WeasyPrint takes ~0.3–0.6 s a page here, so PDFs are made on demand, not in batches."""
    with translation.override(language):
        html = render_to_string(
            "parking_permit/permit.html",
            # segno's own SVG markup, no user input in it:
            {"permit": permit, "qr_svg": mark_safe(qr_svg), "city": settings.CITY_NAME},  # noqa: S308
        )
    return pdf_render(html)


def permit_pdf(*, permit: Permit) -> bytes:
    """The permit's PDF, rendered and stored on first use."""
    if permit.pdf:
        with permit.pdf.open("rb") as handle:
            return handle.read()
    pdf = permit_pdf_render(
        permit=permit,
        qr_svg=credential_qr_svg(permit.code, scale=5),
        language=permit.language,
    )
    permit.pdf.save(permit_filename(permit), ContentFile(pdf), save=False)
    permit.save(update_fields=["pdf"])
    return pdf


def permit_filename(permit: Permit) -> str:
    return f"Bewohnerparkausweis-{permit.reference}-{permit.valid_until:%Y}.pdf"


@transaction.atomic
def permit_issue(*, application: Application, today: date | None = None) -> Permit:
    """The permit an approved application creates (idempotent: the first permit made for it).

    A first permit runs to the end of the year, or of next year when applied for inside the
    renewal window; a holder applying inside the window renews into next year
    (``validity.py``). One valid permit per person: anything else is refused.
    """
    existing = Permit.objects.filter(application=application).order_by("issued_at", "pk").first()
    if existing is not None:
        return existing
    service = service_by_slug(application.service_slug)
    assert service is not None  # noqa: S101  (the application was made from it)
    answers = walk(service, application.data).answers
    person = person_for_user(application.applicant)
    zone = zone_for_address(person.address) if person and person.main_residence else None
    if person is None or zone is None:
        raise PermitNotIssuable(_("The resident register shows no main residence in a zone."))
    today = today or timezone.localdate()
    from .rules import renewal_of

    current = Permit.objects.filter(
        person_key=person.person_key, status=Permit.Status.VALID, valid_until__gte=today
    ).first()
    renews = renewal_of(current, today) if current else None
    if current is not None and renews is None:
        raise PermitNotIssuable(
            _("The applicant already holds a valid permit (for %(plate)s).")
            % {"plate": current.plate}
        )
    period = renewal_period(today.year + 1) if renews else first_permit_period(today)
    return permit_create(
        application=application,
        person_key=person.person_key,
        plate=answers["plate"],
        zone=zone,
        valid_from=period.valid_from,
        valid_until=period.valid_until,
        renewed_from=renews,
    )


def permit_on_approve(application: Application) -> None:
    """The engine's hook: approval creates the permit, in the decision's transaction."""
    permit_issue(application=application)


def permit_notice_lines(application: Application) -> list[str]:
    """What the notice grants, as issued: plate, zone and the real period of validity."""
    permit = Permit.objects.filter(application=application).order_by("issued_at", "pk").first()
    if permit is None:
        return []
    return [
        _(
            "The resident parking permit for %(plate)s in zone %(zone)s is attached; it is valid "
            "from %(start)s until %(end)s."
        )
        % {
            "plate": permit.plate,
            "zone": f"{permit.zone.code} {permit.zone.name}",
            "start": date_format(permit.valid_from, "DATE_FORMAT"),
            "end": date_format(permit.valid_until, "DATE_FORMAT"),
        }
    ]


def permit_documents(application: Application) -> list[tuple[str, bytes, str]]:
    """The engine's hook: what an approved application delivers besides the notice."""
    permit = permit_issue(application=application)
    return [(permit_filename(permit), permit_pdf(permit=permit), "application/pdf")]


def permit_revoke(*, permit: Permit, reason: str, actor: object = None) -> Permit:
    """Revoked at once (the holder cancels, a replacement is issued, or a clerk's revocation
    was decided: ``entitlements.revocation``); it stops renewing, and the printed permit
    verifies as revoked."""
    return entitlement_revoke(
        entitlement=permit, reason=reason, actor=actor, extra_fields={"auto_renew": False}
    )
