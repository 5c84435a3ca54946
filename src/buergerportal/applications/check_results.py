"""The stored check results of an application, as the back office and the resident read them."""

from __future__ import annotations

from typing import Any

from django.utils import translation

from .models import Application


def check_rows(application: Application) -> list[dict[str, Any]]:
    """The stored results in the current language, for templates.

    ``declared`` marks a check that only repeats the applicant's own answer: it is shown as
    "declared by the applicant", never as "passed".
    """
    lang = "en" if (translation.get_language() or "de").startswith("en") else "de"
    return [
        {
            "title": r["title"][lang],
            "passed": r["passed"],
            "declared": bool(r.get("declared")),
            "reason": r["reason"][lang],
        }
        for r in application.check_results
    ]
