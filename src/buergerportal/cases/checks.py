"""Running a service's checks on a submitted application, and deciding green cases automatically."""

from __future__ import annotations

from typing import Any

from django.utils import translation

from buergerportal.applications.models import Application
from buergerportal.catalogue.definitions import Text
from buergerportal.catalogue.registry import service_by_slug

from .events import case_event_record
from .models import EventKind


def _both(value: Text | str) -> dict[str, str]:
    if isinstance(value, Text):
        return {"de": value.de, "en": value.en}
    return {"de": str(value), "en": str(value)}


def case_run_checks(*, application: Application, answers: dict[str, Any]) -> bool:
    """Store each check's result with its reason; True if every check passed.

    Where the service may decide automatically, has no evidence for a clerk to look at and every
    check passed, the case is approved at once (VwVfG §35a); otherwise it waits in the queue.
    """
    from .workflow import case_decide

    service = service_by_slug(application.service_slug)
    assert service is not None  # noqa: S101  (submission already found it)
    results = []
    with translation.override(application.language):
        for check in service.checks:
            outcome = check.run(answers)
            results.append(
                {
                    "slug": check.slug,
                    "title": _both(check.title),
                    "passed": outcome.passed,
                    "reason": _both(outcome.reason),
                }
            )
    application.check_results = results
    application.save(update_fields=["check_results"])
    passed = all(r["passed"] for r in results)
    failed = [r["slug"] for r in results if not r["passed"]]
    case_event_record(
        application=application,
        kind=EventKind.CHECKED,
        audit_data={"failed": failed, "count": len(results)},
    )
    if passed and service.workflow.may_decide_automatically and not application.uploads.exists():
        case_decide(application=application, actor=None, decision="approve")
    return passed


def check_rows(application: Application) -> list[dict[str, Any]]:
    """The stored results in the current language, for templates."""
    lang = "en" if (translation.get_language() or "de").startswith("en") else "de"
    return [
        {"title": r["title"][lang], "passed": r["passed"], "reason": r["reason"][lang]}
        for r in application.check_results
    ]
