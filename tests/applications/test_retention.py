from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from buergerportal.accounts.deletion import account_delete
from buergerportal.applications.models import Application
from buergerportal.core.models import AuditEntry
from tests.engine_fixtures import submit_example
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_retention_deletes_decided_cases_past_their_period(capsys, unit):
    old, recent, undecided = (submit_example(user=UserFactory()) for _ in range(3))
    Application.objects.filter(pk=old.pk).update(
        status="approved", decided_at=timezone.now() - timedelta(days=31)
    )
    Application.objects.filter(pk=recent.pk).update(
        status="approved", decided_at=timezone.now() - timedelta(days=29)
    )
    call_command("retention_sweep")
    assert "Deleted 1 application(s)" in capsys.readouterr().out
    assert set(Application.objects.values_list("pk", flat=True)) == {recent.pk, undecided.pk}
    entry = AuditEntry.objects.filter(action="retention.swept").get()
    assert entry.data == {"deleted": {"test-pass": 1}}


def test_an_account_with_applications_is_anonymised_not_deleted(unit):
    user = UserFactory()
    application = submit_example(user=user)
    assert account_delete(user=user) is False
    application.refresh_from_db()
    assert application.applicant.email.startswith("deleted-")
