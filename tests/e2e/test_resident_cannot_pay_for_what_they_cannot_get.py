"""A resident never pays for what they cannot get.

Lena lives outside every resident parking zone. She opens the parking permit's service page,
starts and signs in with the (TEST) eID: before the first question the portal says why she cannot
apply online and what to do instead; nothing is submitted and nothing is charged (issue
"Residents never pay for what they cannot get").
"""

from __future__ import annotations

import pytest

from buergerportal.accounts.models import User
from buergerportal.applications.models import Application, Draft
from tests.factories import PASSWORD

from .conftest import DESKTOP, MOBILE
from .eid import eid_sign_in

pytestmark = pytest.mark.e2e

LENA = "lena.weber@example.org"


@pytest.mark.parametrize(
    ("lang", "viewport"), [("de", DESKTOP), ("en", MOBILE)], ids=["de", "en-360px"]
)
def test_a_resident_outside_every_zone_is_stopped_before_the_form(portal, parking_city, lang):
    page = portal.page
    portal.start("/")
    portal.log_in(LENA, PASSWORD)
    page.goto(portal.url("/leistungen/bewohnerparkausweis/"))
    page.set_default_timeout(60_000)  # the eID step-up makes server-to-server calls
    portal.click_and_load(page.get_by_role("link", name=portal.t("Start now")))
    # The permit needs a proven identity: she steps up with the (TEST) eID first (issue 15);
    # then the register shows her address, and that it is in no zone.
    assert page.locator(".bp-step-up").is_visible()
    eid_sign_in(portal, identity="lena", level="high")
    heading = page.locator("main h1")
    assert heading.inner_text() == portal.t("You cannot apply for this online")
    reasons = page.locator("main .bp-stopped").inner_text()
    assert {"de": "liegt in keiner Bewohnerparkzone", "en": "is not in a resident parking zone"}[
        lang
    ] in reasons
    assert (
        portal.t("Nothing has been submitted and you have not been charged.")
        in page.locator("main").inner_text()
    )
    assert page.locator("main form").count() == 0  # no button that could take her money
    portal.check("parking-stopped-outside-zones")
    portal.click_and_load(page.get_by_role("link", name=portal.t("Back to the service page")))
    assert page.url.endswith("/leistungen/bewohnerparkausweis/")
    owner = User.objects.get(email=LENA)
    assert not Draft.objects.filter(owner=owner).exists()
    assert not Application.objects.filter(applicant=owner).exists()
