"""One retention table: each rule walked across its boundary, and the notice made from it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from buergerportal.applications.models import Application, Draft, Status
from buergerportal.core.models import AccessibilityFeedback
from buergerportal.core.schedule import registered_jobs
from buergerportal.privacy.models import DataAccess
from buergerportal.privacy.retention import RULES, retention_apply
from tests.applications.example_service import PAID_SERVICE
from tests.engine_fixtures import submit_example
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MINUTE = timedelta(minutes=1)


def _draft(age):
    draft = Draft.objects.create(service_slug="x", owner=UserFactory(), data={})
    Draft.objects.filter(pk=draft.pk).update(updated_at=timezone.now() - age)
    return Draft.objects.filter(pk=draft.pk)


def _unpaid(age):
    application = submit_example(user=UserFactory(), service=PAID_SERVICE, pay=False)
    assert application.status == Status.AWAITING_PAYMENT
    Application.objects.filter(pk=application.pk).update(submitted_at=timezone.now() - age)
    return Application.objects.filter(pk=application.pk)


def _feedback(age):
    feedback = AccessibilityFeedback.objects.create(message="Barriere", handled=True)
    AccessibilityFeedback.objects.filter(pk=feedback.pk).update(created_at=timezone.now() - age)
    return AccessibilityFeedback.objects.filter(pk=feedback.pk)


def _access(age):
    entry = DataAccess.objects.create(
        resident=UserFactory(), at=timezone.now() - age, accessor_kind="system", action="x"
    )
    return DataAccess.objects.filter(pk=entry.pk)


def _task_row(age):
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    row = DBTaskResult.objects.create(
        status=TaskResultStatus.SUCCESSFUL,
        args_kwargs={"args": [], "kwargs": {}},
        task_path="x.y",
        backend_name="default",
        run_after=timezone.now(),
        finished_at=timezone.now() - age,
        exception_class_path="",
        traceback="",
    )
    return DBTaskResult.objects.filter(pk=row.pk)


MAKERS = {
    "drafts": _draft,
    "unpaid_applications": _unpaid,
    "accessibility_feedback": _feedback,
    "access_log": _access,
    "task_rows": _task_row,
}


# Rules whose period is not a number of days walk their boundary in the owning app's tests.
BOUNDARY_TESTED_ELSEWHERE = {
    "payments": "tests/payments/test_payments_retention.py",
    "family_passes": "tests/services/family_pass/test_retention.py",
    "swim_bookings": "tests/services/swim_courses/test_retention.py",
    "swim_waiting_lists": "tests/services/swim_courses/test_retention.py",
    "swim_tickets": "tests/services/swim_courses/test_retention.py",
}


def test_every_rule_applied_here_has_a_boundary_test():
    assert {r.slug for r in RULES if r.sweep is not None} == set(MAKERS) | set(
        BOUNDARY_TESTED_ELSEWHERE
    )


@pytest.mark.parametrize("slug", sorted(MAKERS))
def test_each_rule_keeps_a_record_before_its_period_and_deletes_it_after(slug, unit):
    rule = next(r for r in RULES if r.slug == slug)
    assert rule.days is not None
    period = timedelta(days=rule.days)
    young = MAKERS[slug](period - MINUTE)
    old = MAKERS[slug](period + MINUTE)
    counts = retention_apply()
    assert young.exists(), f"{slug}: deleted before its period ended"
    assert not old.exists(), f"{slug}: kept after its period ended"
    assert counts[slug] >= 1


def test_an_unpaid_application_with_a_payment_still_open_is_kept(unit):
    from buergerportal.applications.paying import application_payment_begin

    application = _unpaid(timedelta(days=60)).get()
    application_payment_begin(application_id=application.pk, payer=application.applicant)
    retention_apply()
    assert Application.objects.filter(pk=application.pk).exists()


def test_unhandled_feedback_is_kept_however_old():
    feedback = _feedback(timedelta(days=3000))
    feedback.update(handled=False)
    retention_apply()
    assert feedback.exists()


def test_every_rule_names_a_job_that_runs_or_says_it_is_not_automatic():
    jobs = {job.name for job in registered_jobs()}
    for rule in RULES:
        if rule.job is None:
            assert "noch nicht automatisch" in rule.period.de, rule.slug
        else:
            assert rule.job in jobs, f"{rule.slug}: job {rule.job} is not registered"


def test_the_privacy_notice_is_generated_from_the_table(client):
    page = client.get(reverse("web:privacy")).content.decode()
    for rule in RULES:
        assert rule.record.de in page
        assert rule.period.de.split(";")[0] in page
    assert "Art. 22" in page
    assert "Die Stadt Mannheim verarbeitet Ihre personenbezogenen Daten" in page  # the controller


def _service_page(client, slug: str) -> str:
    return client.get(reverse("catalogue:detail", args=[slug])).content.decode()


def test_the_parking_permit_page_says_how_long_its_records_are_kept(client):
    page = _service_page(client, "bewohnerparkausweis")
    assert "Wie lange wir Ihre Daten aufbewahren" in page
    assert "2 Jahre nach der Entscheidung" in page  # the service's own period
    assert "2 Jahre nach Ende der Gültigkeit" in page  # its permits
    assert "14 Monate nach dem letzten Einzug" in page  # renewals are collected by mandate
    assert "10 Jahre nach Ende des Haushaltsjahres" in page  # it has a fee


def test_a_free_service_page_promises_no_payment_records(client):
    page = _service_page(client, "familienpass")
    assert "2 Jahre nach Ende der Gültigkeit" in page
    assert "Haushaltsjahres" not in page


def test_every_rule_a_service_names_is_in_the_table():
    from buergerportal.catalogue.registry import all_services

    slugs = {rule.slug for rule in RULES}
    for service in all_services():
        assert set(service.retention_rules) <= slugs, service.slug
