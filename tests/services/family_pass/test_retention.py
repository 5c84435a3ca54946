"""Family passes are deleted the service's period after they ended, never while valid or owed."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from buergerportal.applications.models import Application
from buergerportal.privacy.retention import retention_apply
from buergerportal.services.family_pass.definition import SERVICE
from buergerportal.services.family_pass.models import FamilyPass
from tests.factories import OrgUnitFactory, UserFactory

pytestmark = pytest.mark.django_db


def _pass(*, ended_days_ago: int, application: Application | None = None) -> FamilyPass:
    today = timezone.localdate()
    end = today - timedelta(days=ended_days_ago)
    number = FamilyPass.objects.count() + 1
    return FamilyPass.objects.create(
        reference=f"FP-{number}",
        holder=UserFactory(),
        holder_name="Maria Becker",
        variant=FamilyPass.Variant.BASIC,
        children_count=2,
        valid_from=end - timedelta(days=300),
        valid_until=end,
        credential_id=f"cred-{number}",
        code="x",
        application=application,
    )


def _exists(family_pass: FamilyPass) -> bool:
    return FamilyPass.objects.filter(pk=family_pass.pk).exists()


def test_a_pass_is_kept_the_services_period_after_it_ended_and_deleted_the_day_after():
    days = SERVICE.retention_days
    on_the_last_day = _pass(ended_days_ago=days)
    a_day_later = _pass(ended_days_ago=days + 1)
    counts = retention_apply()
    assert (_exists(on_the_last_day), _exists(a_day_later)) == (True, False)
    assert counts["family_passes"] == 1


def test_a_valid_pass_is_never_deleted():
    valid = _pass(ended_days_ago=-200)
    retention_apply()
    assert _exists(valid)


def test_a_pass_whose_application_is_still_kept_stays():
    application = Application.objects.create(
        service_slug="familienpass",
        applicant=UserFactory(),
        submission_token=uuid.uuid4(),
        submitted_at=timezone.now(),
        due_at=timezone.now(),
        unit=OrgUnitFactory(),
    )
    held = _pass(ended_days_ago=SERVICE.retention_days + 30, application=application)
    retention_apply()
    assert _exists(held)
