"""What the accessibility statement says (BITV 2.0, L-BGG BW § 10 with the EU model statement).

The known issues are kept here, next to the code they describe: whoever fixes one deletes its
entry, and whoever finds one adds it, so the statement never promises more than the portal does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# When the statement was last prepared (the model statement asks for the date; review it at
# least once a year and with every larger change, and change this date then).
PREPARED_ON = date(2026, 12, 1)

STANDARD = _("WCAG 2.1 level AA as required by EN 301 549 V3.2.1 and BITV 2.0")
COMPLIANCE = _("partly compliant")

METHOD = _(
    "Self-assessment by the portal's developers: on every change, axe-core checks each page in "
    "German and English in a real browser (Chromium), and browser journeys use the services by "
    "keyboard alone and at a width of 320 pixels. Documents are produced as tagged PDF (PDF/UA-1) "
    "and checked automatically for structure, language and title. No external test (BITV test) "
    "has been carried out yet."
)


@dataclass(frozen=True)
class KnownIssue:
    what: Promise
    instead: Promise


KNOWN_ISSUES = [
    KnownIssue(
        _("The video in German sign language is not published yet."),
        _("The same information is available in easy language (Leichte Sprache)."),
    ),
    KnownIssue(
        _(
            "PDF documents (notices, permits, receipts) are tagged, but have not been checked "
            "with a screen reader or a PDF/UA checker such as PAC."
        ),
        _("Ask us for a document in another form with the form below; we answer within two weeks."),
    ),
    KnownIssue(
        _(
            "Some wide tables in the back office and on the figures pages scroll sideways on "
            "narrow screens, and not every scrollable region shows a focus ring."
        ),
        _("The same figures are available as CSV and JSON downloads."),
    ),
]

# Where residents turn when the city's answer does not satisfy them: in Baden-Württemberg the
# Landes-Behindertenbeauftragte is the body to turn to (L-BGG). The city confirms the address
# before going live (docs/operations.md lists it with the other facts a city checks).
ENFORCEMENT_BODY = {
    "name": "Die Landes-Behindertenbeauftragte Baden-Württemberg",
    "address": "Else-Josenhans-Straße 6, 70173 Stuttgart",
}
