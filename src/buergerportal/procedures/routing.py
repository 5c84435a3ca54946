"""Running a service's checks on a submitted application and routing it: deciding a green case
automatically where the law allows it, "checked, awaiting confirmation" where it does not, or
leaving it in its unit's queue."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from buergerportal.accounts.models import User
from buergerportal.catalogue.definitions import ApprovalRefused
from buergerportal.catalogue.registry import service_by_slug
from buergerportal.privacy.access_log import data_access_context

from .answers import answers_of
from .decision import application_decide
from .fee_refund import application_fee_refund
from .lifecycle import application_transition, case_event_record
from .models import Application, EventKind, Status

if TYPE_CHECKING:
    from buergerportal.catalogue.definitions import ServiceDefinition


def case_run_checks(*, application: Application, answers: dict[str, Any]) -> bool:
    """Store each check's result as a code with parameters (``{"slug", "passed", "code",
    "params"}``, no prose: ``check_rows`` renders it when read, with the check's title and
    whether it is ``declared``) and record the event; True if all passed.

    Recording only: what happens next is ``case_route``'s decision (for a fee-charging
    service, only once the fee is paid).
    """
    service = service_by_slug(application.service_slug)
    assert service is not None  # noqa: S101  (submission already found it)
    results = []
    for check in service.checks:
        # register reads by a check are listed to the resident as an automatic check
        with data_access_context(accessor=None, about=application):
            outcome = check.run({**answers, "_application": application})
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
    """Decide a green case automatically, let a clerk confirm it, or leave it in the queue.

    Where every stored check passed and no evidence waits for a clerk:
    - if the service names the legal provision that allows an automatic decision
      (``Workflow.legal_basis``, VwVfG § 35a), the checks run *again* (another permit, a move
      or a sold car may have happened since submission), one decision per applicant at a time
      (the applicant's row is locked), and the case is approved if they still pass;
    - otherwise it goes to "checked, awaiting confirmation", where a clerk confirms it.
    Anything else stays ``submitted``, which is the queue. Call it on a submitted case (after
    payment, where a fee is due), inside a transaction.
    """
    if application.status != Status.SUBMITTED:
        return application
    service = service_by_slug(application.service_slug)
    passed = all(r["passed"] for r in application.check_results)
    if service is None or not passed or application.uploads.exists():
        return application
    if not service.workflow.may_decide_automatically:
        if not application.check_results:  # nothing was checked: nothing to confirm
            return application
        return application_transition(
            application=application, to=Status.CHECKED, actor=None, kind=EventKind.CHECKS_PASSED
        )
    if application.applicant_id is not None:
        User.objects.select_for_update().filter(pk=application.applicant_id).first()
    answers = {**answers_of(service, application.data), "_applicant": application.applicant}
    if not case_run_checks(application=application, answers=answers):
        return _stopped_since_submission(application, service)
    try:
        with transaction.atomic():
            return application_decide(application=application, actor=None, decision="approve")
    except ApprovalRefused:  # what approval creates was refused: a clerk looks at it
        application.refresh_from_db()
        return application


def _stopped_since_submission(application: Application, service: ServiceDefinition) -> Application:
    """Checks that passed at submission fail now. Where a failure means the application can no
    longer succeed (a stopping result, ``Check.stops``: another permit was issued meanwhile, the
    applicant moved away), it is rejected automatically with the reason, on the legal basis the
    service names, and its fee is refunded in full; anything else waits for a clerk."""
    stopping = {check.slug: check for check in service.checks if check.stops}
    failed = [
        r
        for r in application.check_results
        if not r["passed"] and r["slug"] in stopping and r["code"] in stopping[r["slug"]].stops
    ]
    if not failed:
        return application
    with translation.override(application.language or "de"):
        reasons = "; ".join(stopping[r["slug"]].reason(r["code"], r["params"]) for r in failed)
        refund_reason = _("The application could no longer succeed: %(reasons)s") % {
            "reasons": reasons
        }
    rejected = application_decide(
        application=application,
        actor=None,
        decision="reject",
        reasons=reasons,
        audit_data={"stopped": [r["slug"] for r in failed]},
    )
    application_fee_refund(rejected, reason=refund_reason)
    return rejected
