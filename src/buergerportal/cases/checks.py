"""Running a service's checks on a submitted application (``case_run_checks``) and routing it:
deciding green cases automatically or leaving them in the queue (``case_route``)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from buergerportal.accounts.models import User
from buergerportal.applications.models import Application, Status
from buergerportal.applications.steps import walk
from buergerportal.catalogue.definitions import Text
from buergerportal.catalogue.registry import service_by_slug

from .events import case_event_record
from .models import EventKind


def case_run_checks(*, application: Application, answers: dict[str, Any]) -> bool:
    """Store each check's result as a code with parameters (``{"slug", "passed", "code",
    "params"}``, no prose: ``check_rows`` renders it when read) and record the event; True if
    all passed.

    Recording only: what happens next is ``case_route``'s decision (for a fee-charging
    service, only once the fee is paid).
    """
    service = service_by_slug(application.service_slug)
    assert service is not None  # noqa: S101  (submission already found it)
    results = []
    for check in service.checks:
        outcome = check.run(answers)
        results.append(
            {
                "slug": check.slug,
                "passed": outcome.passed,
                "code": outcome.code,
                "params": dict(outcome.params),
            }
        )
    application.check_results = results
    application.save(update_fields=["check_results"])
    failed = [r["slug"] for r in results if not r["passed"]]
    case_event_record(
        application=application,
        kind=EventKind.CHECKED,
        audit_data={"failed": failed, "count": len(results)},
    )
    return not failed


def case_route(*, application: Application) -> Application:
    """Decide a green case automatically, or leave it in its unit's queue.

    Where the service may decide automatically (VwVfG §35a), every stored check passed and no
    evidence waits for a clerk, the checks run *again* (another permit, a move or a sold car
    may have happened since submission), one decision per applicant at a time (the
    applicant's row is locked), and the case is approved if they still pass; otherwise it stays
    ``submitted``, which is the queue. Call it on a submitted case (after payment, where a fee
    is due), inside a transaction.
    """
    from .workflow import WorkflowError, case_decide

    if application.status != Status.SUBMITTED:
        return application
    service = service_by_slug(application.service_slug)
    passed = all(r["passed"] for r in application.check_results)
    if (
        service is None
        or not passed
        or not service.workflow.may_decide_automatically
        or application.uploads.exists()
    ):
        return application
    if application.applicant_id is not None:
        User.objects.select_for_update().filter(pk=application.applicant_id).first()
    answers = {**walk(service, application.data).answers, "_applicant": application.applicant}
    if not case_run_checks(application=application, answers=answers):
        return application
    try:
        with transaction.atomic():
            return case_decide(application=application, actor=None, decision="approve")
    except WorkflowError:  # what approval creates was refused: a clerk looks at it
        application.refresh_from_db()
        return application


LEGACY = "legacy"  # results stored as prose before codes: params hold {"title", "reason"}


def check_rows(application: Application) -> list[dict[str, Any]]:
    """The stored results rendered in the current language from the service's checks, for
    templates. A check the service no longer has shows its slug and code."""
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
                    "reason": str(_legacy_text(params.get("reason")) or ""),
                }
            )
            continue
        rows.append(
            {
                "title": str(check.title) if check else result["slug"],
                "passed": result["passed"],
                "reason": check.reason(code, params) if check else code,
            }
        )
    return rows


def _legacy_text(value: object) -> Text | None:
    """A text stored before codes (``{"de": ..., "en": ...}``) as content again."""
    if not isinstance(value, dict) or not value.get("de"):
        return None
    return Text(value["de"], value.get("en", ""))
