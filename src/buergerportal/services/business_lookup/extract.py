"""The extract from the business register (Gewerberegisterauskunft): positive with the further
data of the business, or negative (no such business), a tagged PDF in the applicant's mailbox
with the notice. Approval logs the lookup."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from buergerportal.applications.models import Application
from buergerportal.core.pdf import pdf_render

from .lookup_log import lookup_log_record


def _record_and_answers(application: Application):
    from .requests import request_answers
    from .rules import business_for_answers

    answers = request_answers(application)
    return business_for_answers(answers), answers


def extract_on_approve(application: Application) -> None:
    """The engine's hook, in the decision's transaction: the lookup is logged (once)."""
    record, answers = _record_and_answers(application)
    lookup_log_record(application=application, record=record, answers=answers)


def extract_pdf(*, application: Application) -> bytes:
    record, answers = _record_and_answers(application)
    with translation.override(application.language):
        html = render_to_string(
            "business_lookup/extract.html",
            {
                "application": application,
                "record": record,
                "answers": answers,
                "city": settings.CITY_NAME,
                "today": timezone.localdate(),
            },
        )
    return pdf_render(html)


def extract_documents(application: Application) -> list[tuple[str, bytes, str]]:
    return [
        (
            f"Gewerbeauskunft-{application.reference}.pdf",
            extract_pdf(application=application),
            "application/pdf",
        )
    ]


def extract_notice_lines(application: Application) -> list[str]:
    record, _answers = _record_and_answers(application)
    if record is None:
        return [_("The extract is attached: the register holds no such business (negative).")]
    return [_("The extract from the business register is attached.")]
