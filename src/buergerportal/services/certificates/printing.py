"""Printing: the certificates of a batch (PStV Anlagen 6–9 layout, data only from the register
entry, never from what the resident typed) and the cover letters with the DIN 5008 window
address. Every PDF is tagged (PDF/UA) by the one renderer below."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

from buergerportal.core.i18n import Text
from buergerportal.core.pdf import pdf_render

from .address import address_lines
from .issue import order_answers
from .models import CertificateOrder
from .register import EntryRecord, civil_status_register

TITLES = {
    "birth": ("Geburtsurkunde", "Birth certificate", "Acte de naissance"),
    "marriage": ("Eheurkunde", "Marriage certificate", "Acte de mariage"),
    "partnership": (
        "Lebenspartnerschaftsurkunde",
        "Civil-partnership certificate",
        "Acte de partenariat enregistré",
    ),
    "death": ("Sterbeurkunde", "Death certificate", "Acte de décès"),
}
REGISTERS = {
    "birth": "Geburtenregister",
    "marriage": "Eheregister",
    "partnership": "Lebenspartnerschaftsregister",
    "death": "Sterberegister",
}


def certificate_page(*, entry: EntryRecord, form: str) -> dict[str, Any]:
    title = TITLES[entry.kind]
    return {
        "entry": entry,
        "form": form,
        "title": title,
        "register": REGISTERS[entry.kind],
        "multilingual": form == "international",
        "extract": form == "register_extract",
    }


def certificates_html(pages: Iterable[dict[str, Any]]) -> str:
    with translation.override("de"):  # a German registry office's document
        return render_to_string(
            "certificates/certificates.pdf.html",
            {
                "pages": list(pages),
                "city": settings.CITY_NAME,
                "today": timezone.localdate(),
            },
        )


def order_pages(orders: Iterable[CertificateOrder]) -> list[dict[str, Any]]:
    """One page per copy, each read from the register entry."""
    register = civil_status_register()
    pages = []
    for order in orders:
        entry = register.entry(order.entry_number)
        if entry is None:
            continue
        answers = order_answers(order.application)
        page = certificate_page(entry=entry, form=str(answers.get("form", "standard")))
        pages.extend([page] * int(answers.get("copies") or 1))
    return pages


def letter_context(order: CertificateOrder) -> dict[str, Any]:
    answers = order_answers(order.application)
    return {
        "order": order,
        "application": order.application,
        "address": address_lines(answers),
        "registered": answers.get("registered_mail") == "yes",
        "copies": answers.get("copies", 1),
        "kind_name": str(Text(*TITLES[str(answers.get("kind", "birth"))][:2])),
    }


def letters_html(orders: Iterable[CertificateOrder], *, language: str = "de") -> str:
    with translation.override(language):
        return render_to_string(
            "certificates/letters.pdf.html",
            {
                "letters": [letter_context(o) for o in orders],
                "city": settings.CITY_NAME,
                "today": timezone.localdate(),
            },
        )


def cover_letter_pdf(order: CertificateOrder) -> bytes:
    """The resident's own copy of the cover letter (the certificate itself never is one)."""
    return pdf_render(letters_html([order], language=order.application.language))
