"""A lawyer asks for further data about a business with a legal interest; a clerk of the trade
office approves; the extract arrives in the lawyer's mailbox, and the lookup is logged.

German on a desktop: search, *Request further data*, the reason and the proof, check your
answers, pay through the test provider; the clerk opens the case from the queue and approves;
the lawyer downloads the extract (a PDF naming the owner).
"""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from buergerportal.accounts.models import Role
from tests.engine_fixtures import PDF
from tests.factories import PASSWORD, UserFactory, staff_member

pytestmark = pytest.mark.e2e


def _submit(portal) -> None:
    portal.click_and_load(portal.page.locator("main form.bp-form button[type='submit']").last)


@pytest.mark.parametrize("lang", ["de"])
def test_lawyer_requests_extended_data_and_the_extract_arrives(
    portal, another_portal, business_city
):
    from buergerportal.applications.models import Application
    from buergerportal.services.business_lookup.models import ExtendedLookup

    lawyer = UserFactory(email="kanzlei@example.org", first_name="Karin", last_name="Keller")
    clerk = staff_member(unit=business_city["unit"], role=Role.CLERK)
    page = portal.page
    # paying renders the receipt and deciding the notice and extract (WeasyPrint, seconds each
    # on a busy machine) before the next page loads
    page.set_default_navigation_timeout(60_000)
    page.set_default_timeout(60_000)
    portal.start("/")
    portal.log_in(lawyer.email, PASSWORD)

    # Find the business and ask for further data about it
    page.goto(portal.url("/gewerbeauskunft/?q=Weber+Seckenheimer"))
    portal.click_and_load(page.locator("main .bp-results a").first)
    portal.check("business-request-start")
    _submit(portal)

    # The business is filled in; the legal interest and its proof are asked
    assert "/interesse/" in page.url
    portal.check("business-request-interest")
    page.locator("input[name='reason'][value='title']").check()
    page.locator("#id_reason_detail").fill("Vollstreckungsbescheid des AG Mannheim, 2. Mai 2026")
    page.locator("#id_file_reference").fill("3 C 123/26")
    page.locator("main input[type='file']").set_input_files(
        files=[{"name": "titel.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    _submit(portal)
    assert "/pruefen/" in page.url
    assert "Bäckerei Weber" in page.locator("main").inner_text()
    portal.check("business-request-check")
    page.locator("input[name='declaration']").check()
    _submit(portal)
    reference = page.locator(".bp-reference").inner_text().strip()

    # The fee, paid online through the test provider
    portal.click_and_load(page.get_by_role("button", name=portal.t("Pay now")))
    page.locator("input[name='outcome'][value='success']").check()
    _submit(portal)
    application = Application.objects.get(reference=reference)
    assert application.status == "submitted", application.status

    # The clerk of the trade office opens the case and approves
    staff = another_portal()
    spage = staff.page
    spage.set_default_navigation_timeout(60_000)
    spage.set_default_timeout(60_000)
    staff.start("/")
    staff.log_in_staff(clerk, PASSWORD)
    spage.goto(staff.url("/sachbearbeitung/"))
    staff.click_and_load(
        spage.get_by_role("table", name=staff.t("Cases"), exact=True).get_by_role(
            "link", name=reference
        )
    )
    assert "titel.pdf" in spage.locator("main").inner_text()
    staff.reveal("input[name='decision']")
    spage.locator("input[name='decision'][value='approve']").check()
    staff.click_and_load(spage.get_by_role("button", name=staff.t("Record decision")))
    application.refresh_from_db()
    assert application.status == "approved"

    # The extract is in the lawyer's mailbox, and the lookup is logged
    page.goto(portal.url("/postfach/"))
    portal.check("business-mailbox")
    link = page.locator("main a[href*='/postfach/anhang/']", has_text="Gewerbeauskunft")
    if link.count() == 0:
        portal.click_and_load(page.locator("main tbody a[href^='/postfach/']").first)
        link = page.locator("main a[href*='/postfach/anhang/']", has_text="Gewerbeauskunft")
    response = page.request.get(portal.url(link.first.get_attribute("href")))
    assert response.headers["content-type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages)
    assert "Positivauskunft" in text and "Lena Weber" in text
    log = ExtendedLookup.objects.get()
    assert log.requested_by == lawyer and "Vollstreckungsbescheid" in log.reason_detail
