"""The stored check results of an application, as the back office and the resident read them."""

from __future__ import annotations

from typing import Any

from buergerportal.catalogue.definitions import Check, Text
from buergerportal.catalogue.registry import service_by_slug

from .models import Application

LEGACY = "legacy"  # results stored as prose before codes: params hold {"title", "reason"}


def check_rows(application: Application) -> list[dict[str, Any]]:
    """The stored results rendered in the current language from the service's checks, for
    templates. A check the service no longer has shows its slug and code. ``declared`` marks a
    check that only repeats the applicant's own answer: shown as "declared by the applicant",
    never as "passed"."""
    service = service_by_slug(application.service_slug)
    checks = {c.slug: c for c in service.checks} if service is not None else {}
    rows = []
    for result in application.check_results:
        check = checks.get(result["slug"])
        code, params = result.get("code", ""), result.get("params", {})
        if code == LEGACY:
            title = _legacy_text(params.get("title")) or (check.title if check else None)
            rows.append(
                {
                    "title": str(title or result["slug"]),
                    "passed": result["passed"],
                    "declared": _declared(result, check),
                    "reason": str(_legacy_text(params.get("reason")) or ""),
                }
            )
            continue
        rows.append(
            {
                "title": str(check.title) if check else result["slug"],
                "passed": result["passed"],
                "declared": _declared(result, check),
                "reason": check.reason(code, params) if check else code,
            }
        )
    return rows


def _legacy_text(value: object) -> Text | None:
    """A text stored before codes (``{"de": ..., "en": ...}``) as content again."""
    if not isinstance(value, dict) or not value.get("de"):
        return None
    return Text(value["de"], value.get("en", ""))


def _declared(result: dict[str, Any], check: Check | None) -> bool:
    """Whether the check only repeats the applicant's answer: from the check's definition, like
    its title (a result may also say so itself)."""
    if "declared" in result:
        return bool(result["declared"])
    return bool(check is not None and check.declared)
