"""A resident sees which unit opened their application, downloads their data, and anyone reads
the signed audit checkpoints."""

from __future__ import annotations

import pytest

from buergerportal.accounts.models import Role
from buergerportal.privacy.access_log import data_access_record
from tests.factories import PASSWORD, OrgUnitFactory, UserFactory, staff_member

pytestmark = pytest.mark.e2e


def test_resident_sees_who_opened_their_data_and_downloads_it(portal):
    page = portal.page
    resident = UserFactory(email="lena@example.org")
    unit = OrgUnitFactory(slug="buergerservice", name_de="Bürgerservice", name_en="Citizen service")
    clerk = staff_member(unit=unit, role=Role.CLERK)
    data_access_record(resident=resident, action="case.viewed", accessor=clerk)
    data_access_record(resident=resident, action="register.person_read", accessor=None)

    portal.start("/")
    portal.log_in(resident.email, PASSWORD)
    page.wait_for_url("**/konto/")
    page.locator("main a[href='/datenschutz/zugriffe/']").click()
    page.wait_for_url("**/datenschutz/zugriffe/")
    table = page.locator("main table").inner_text()
    assert {"de": "Bürgerservice", "en": "Citizen service"}[portal.lang] in table
    assert clerk.email not in table
    portal.check("privacy-accesses")

    portal.open("/datenschutz/auskunft/", "privacy-export")
    with page.expect_download() as download:
        page.locator("main form button[type='submit']").click()
    assert download.value.suggested_filename.startswith("meine-daten-")


def test_anyone_reads_the_signed_audit_checkpoints(portal):
    portal.start("/")
    portal.open("/pruefpunkte/", "audit-checkpoints")
    assert portal.page.locator("main h1").is_visible()
