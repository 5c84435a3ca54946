"""The log of extended lookups: the owner reads it; it is deleted six months after each lookup."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from buergerportal.services.business_lookup.lookup_log import lookup_logs_purge, months_before
from buergerportal.services.business_lookup.models import Business, ExtendedLookup
from buergerportal.services.business_lookup.tasks import lookup_logs_purge_task
from tests.factories import UserFactory


def _log(business: Business, at: datetime, who: str = "Karin Keller") -> ExtendedLookup:
    return ExtendedLookup.objects.create(
        business=business,
        requester_name=who,
        reason="title",
        reason_detail="Vollstreckungsbescheid",
        positive=True,
        looked_up_at=at,
    )


def test_the_owner_sees_who_looked_up_their_business_and_nobody_else_does(client, bakeries):
    owner, stranger = UserFactory(), UserFactory()
    mine = Business.objects.get(number=bakeries["mueller"])
    mine.owner_user = owner
    mine.save(update_fields=["owner_user"])
    _log(mine, timezone.now(), who="Karin Keller")
    _log(Business.objects.get(number=bakeries["weber"]), timezone.now(), who="Otto Other")

    client.force_login(owner)
    page = client.get(reverse("business_lookup:lookups")).content.decode()
    assert "Karin Keller" in page and "Vollstreckungsbescheid" in page
    assert "Otto Other" not in page
    client.force_login(stranger)
    page = client.get(reverse("business_lookup:lookups")).content.decode()
    assert "Karin Keller" not in page


@pytest.mark.parametrize(
    ("now", "six_months_before"),
    [
        ("2026-06-15 10:00", "2025-12-15 10:00"),
        ("2026-08-31 03:50", "2026-02-28 03:50"),
        ("2028-08-31 03:50", "2028-02-29 03:50"),
        ("2027-01-01 00:00", "2026-07-01 00:00"),
    ],
)
def test_six_months_are_calendar_months(now, six_months_before):
    berlin = ZoneInfo("Europe/Berlin")
    moment = datetime.fromisoformat(now).replace(tzinfo=berlin)
    assert months_before(moment, 6) == datetime.fromisoformat(six_months_before).replace(
        tzinfo=berlin
    )


def test_logs_are_deleted_after_six_months_to_the_second(bakeries):
    business = Business.objects.get(number=bakeries["mueller"])
    now = timezone.localtime()
    boundary = months_before(now, 6)
    kept = _log(business, boundary)
    gone = _log(business, boundary - timedelta(seconds=1))
    recent = _log(business, now - timedelta(days=1))

    assert lookup_logs_purge(now=now) == 1
    assert set(ExtendedLookup.objects.values_list("pk", flat=True)) == {kept.pk, recent.pk}
    assert not ExtendedLookup.objects.filter(pk=gone.pk).exists()
    assert lookup_logs_purge(now=now + timedelta(seconds=1)) == 1
    assert list(ExtendedLookup.objects.values_list("pk", flat=True)) == [recent.pk]


def test_the_daily_job_deletes_old_logs(bakeries):
    from buergerportal.core.schedule import registered_jobs

    business = Business.objects.get(number=bakeries["mueller"])
    _log(business, timezone.now() - timedelta(days=200))
    _log(business, timezone.now() - timedelta(days=100))
    assert "business_lookup.logs_purge" in {job.name for job in registered_jobs()}
    assert lookup_logs_purge_task.call() == 1
    assert ExtendedLookup.objects.count() == 1
