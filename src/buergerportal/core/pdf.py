"""The portal's one PDF renderer: HTML to a tagged PDF (PDF/UA-1).

Every document the portal makes (permits, notices, receipts, letters, extracts, lists) goes through
``pdf_render``, so every one carries a structure tree, its language and its title for screen
readers, and a change of renderer happens in one place.
"""

from __future__ import annotations


def pdf_render(html: str) -> bytes:
    """A complete HTML document as a tagged PDF; its ``lang`` and ``<title>`` become the PDF's."""
    from weasyprint import HTML  # imported late: loading it costs about a second

    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
