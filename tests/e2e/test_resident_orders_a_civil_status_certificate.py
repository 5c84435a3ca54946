"""Residents order civil-status certificates; the registry office prints and posts them.

- Anna orders her own birth certificate: the register shows it is hers, she pays through the
  test provider, a registrar prints the batch (the worker renders it; meanwhile both pages say
  "being printed") and marks it posted, and she sees the posting date,
  the message in her mailbox and the cover letter (the certificate itself is never offered).
- Anna orders her grandmother's death certificate: the register links them, so it is checked
  without a person.
- Mehmet orders his sister's birth certificate: the registrar asks him for proof of his
  interest, he answers with the proof as a PDF (a file that is no PDF is refused), and the
  registrar opens it and approves the order.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from buergerportal.accounts.models import Role
from tests.engine_fixtures import PDF
from tests.factories import PASSWORD, staff_member

from .certificates import ANNA, MEHMET

pytestmark = pytest.mark.e2e

SERVICE_PAGE = "/leistungen/personenstandsurkunde/"


def submit(portal):
    portal.click_and_load(portal.page.locator("main form.bp-form button[type='submit']"))


def order_up_to_payment(portal, *, kind, relation, family, given, day, reason="") -> str:
    """From the service page through every step to the submitted order; its reference."""
    page = portal.page
    page.goto(portal.url(SERVICE_PAGE))
    portal.click_and_load(page.get_by_role("link", name=portal.t("Start now")))
    portal.click_and_load(page.get_by_role("button", name=portal.t("Start now")))
    page.locator(f"input[name='kind'][value='{kind}']").check()
    page.locator("input[name='form'][value='standard']").check()
    submit(portal)
    page.locator("input[name='purpose'][value='personal']").check()
    submit(portal)
    page.locator(f"input[name='relation'][value='{relation}']").check()
    submit(portal)
    page.locator("#id_family_name").fill(family)
    page.locator("#id_given_names").fill(given)
    page.locator("#id_event_date").fill(day)
    page.locator("#id_event_place").fill("Mannheim")
    submit(portal)
    if reason:
        page.locator("#id_interest_reason").fill(reason)
        submit(portal)
    return page


def finish_order(portal) -> str:
    page = portal.page
    page.locator("input[name='declaration']").check()
    submit(portal)
    assert "/antrag/eingegangen/" in page.url
    return page.locator(".bp-reference").inner_text().strip()


def pay(portal) -> None:
    page = portal.page
    portal.click_and_load(page.get_by_role("button", name=portal.t("Pay now")))
    assert "/test-payments/" in page.url
    page.locator("input[name='outcome'][value='success']").check()
    submit(portal)
    assert "/zahlungen/" in page.url


def test_resident_orders_her_birth_certificate_pays_and_sees_it_posted(
    portal, another_portal, certificates_city, monkeypatch
):
    from buergerportal.applications.models import Application
    from buergerportal.services.certificates.rendering import batch_render

    page = portal.page
    portal.start("/")
    portal.log_in(ANNA, PASSWORD)
    order_up_to_payment(
        portal, kind="birth", relation="self", family="Schmidt", given="Anna", day="2099-04-12"
    )
    # A date in the future is refused with a message, and nothing is kept
    assert portal.error_summary().is_visible()
    portal.check("certificates-step-person-error")
    page.locator("#id_event_date").fill("1988-04-12")
    submit(portal)

    # The delivery address comes from the resident register
    assert page.locator("#id_street").input_value() == "Meerfeldstraße 12"
    assert page.locator("#id_postcode").input_value() == "68163"
    portal.check("certificates-step-address")
    page.locator("#id_postcode").fill("")
    submit(portal)
    assert portal.error_summary().is_visible()
    page.locator("#id_postcode").fill("68163")
    submit(portal)
    portal.check("certificates-check-answers")
    reference = finish_order(portal)
    pay(portal)
    application = Application.objects.get(reference=reference)
    assert application.status == "checked", application.check_results

    page.goto(portal.url("/urkunden/"))
    portal.click_and_load(page.get_by_role("link", name=reference))
    stages = page.locator("main ol").inner_text()
    assert portal.t("Paid") in stages and portal.t("not yet") in stages
    portal.check("certificates-order-paid")

    # The registrar prints the batch, signs and seals on paper, and marks it posted
    registrar = staff_member(unit=certificates_city["unit"], role=Role.APPROVER)
    office = another_portal()
    opage = office.page
    office.start("/")
    office.log_in_staff(registrar, PASSWORD)
    opage.goto(office.url("/urkunden/verwaltung/"))
    office.check("certificates-dispatch")
    # Printing runs in the worker: first the page says the batch is being printed
    queued = []
    monkeypatch.setattr(
        "buergerportal.services.certificates.dispatch.batch_render_enqueue", queued.append
    )
    office.click_and_load(opage.get_by_role("button", name=office.t("Print a batch")))
    assert opage.locator("main a[href$='urkunden.pdf']").count() == 0
    assert office.t("being printed") in opage.locator("main").inner_text().casefold()
    office.check("certificates-dispatch-being-printed")
    page.reload()
    assert (
        f"{portal.t('Printed')}: {portal.t('being printed')}"
        in page.locator("main ol").inner_text()
    )
    batch_render(batch_id=queued[0])  # the worker's task
    office.click_and_load(opage.get_by_role("link", name=office.t("Reload")))
    pdf = opage.locator("main a[href$='urkunden.pdf']").first.get_attribute("href")
    response = opage.request.get(office.url(pdf))
    assert response.headers["content-type"] == "application/pdf"
    office.check("certificates-dispatch-printed")
    office.click_and_load(opage.locator("main form[action$='/versandt/'] button"))
    office.check("certificates-dispatch-posted")

    # Anna sees it posted, has a message, and may download the cover letter only
    page.reload()
    today = timezone.localdate().strftime("%d.%m.%Y")
    assert f"{portal.t('Posted')}: {today}" in page.locator("main ol").inner_text()
    letter = page.get_by_role("link", name=portal.t("Download the cover letter (PDF)"))
    response = page.request.get(portal.url(letter.get_attribute("href")))
    assert response.body().startswith(b"%PDF")
    assert page.locator("main a[href$='urkunden.pdf']").count() == 0
    portal.check("certificates-order-posted")
    page.goto(portal.url("/postfach/"))
    assert reference in page.locator("main").inner_text()


@pytest.mark.parametrize("lang", ["de"])
def test_grandchild_orders_grandmothers_death_certificate(portal, certificates_city):
    from buergerportal.applications.models import Application

    portal.start("/")
    portal.log_in(ANNA, PASSWORD)
    order_up_to_payment(
        portal,
        kind="death",
        relation="descendant",
        family="Schmidt",
        given="Gertrud",
        day="2019-11-03",
    )
    submit(portal)  # the prefilled address
    reference = finish_order(portal)
    pay(portal)
    application = Application.objects.get(reference=reference)
    assert application.status == "checked"
    page = portal.page
    page.goto(portal.url(f"/antrag/meine/{application.pk}/"))
    checks = page.locator("main .bp-checks").inner_text()
    assert f"{portal.t('Confirmed')}: Berechtigung nach § 62 PStG" in checks
    portal.check("certificates-grandchild-checked")


@pytest.mark.parametrize("lang", ["de"])
def test_sibling_order_goes_to_a_registrar_who_asks_for_proof(
    portal, another_portal, certificates_city
):
    from buergerportal.applications.models import Application

    page = portal.page
    portal.start("/")
    portal.log_in(MEHMET, PASSWORD)
    order_up_to_payment(
        portal,
        kind="birth",
        relation="sibling",
        family="Yılmaz",
        given="Elif",
        day="1982-06-21",
        reason="Nachlass unserer Eltern",
    )
    submit(portal)
    reference = finish_order(portal)
    pay(portal)
    application = Application.objects.get(reference=reference)
    assert application.status == "submitted"  # in the registry office's queue

    registrar = staff_member(unit=certificates_city["unit"], role=Role.APPROVER)
    office = another_portal()
    opage = office.page
    office.start("/")
    office.log_in_staff(registrar, PASSWORD)
    opage.goto(office.url(f"/sachbearbeitung/{application.pk}/"))
    assert "Geschwister" in opage.locator("main").inner_text()
    office.check("certificates-sibling-case")
    office.reveal("#id_question")
    opage.locator("#id_question").fill("Bitte senden Sie den Erbschein oder das Testament.")
    opage.locator("#id_due_date").fill((timezone.localdate() + timedelta(days=14)).isoformat())
    office.click_and_load(opage.get_by_role("button", name=office.t("Send request")))

    page.goto(portal.url(f"/antrag/meine/{application.pk}/"))
    assert "Erbschein" in page.locator("main").inner_text()
    page.locator("main textarea").first.fill("Der Erbschein liegt bei, Az. 1 VI 23/26")
    # A file that is not a PDF or an image is refused with a message, nothing is kept
    upload = page.locator("main input[type='file']")
    upload.set_input_files(
        files=[{"name": "erbschein.pdf", "mimeType": "application/pdf", "buffer": b"MZ exe"}]
    )
    portal.click_and_load(page.locator("main form.bp-form button[type='submit']").first)
    assert portal.error_summary().is_visible()
    portal.check("certificates-sibling-answer-error")
    assert application.uploads.count() == 0
    page.locator("main textarea").first.fill("Der Erbschein liegt bei, Az. 1 VI 23/26")
    page.locator("main input[type='file']").set_input_files(
        files=[{"name": "erbschein.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    portal.click_and_load(page.locator("main form.bp-form button[type='submit']").first)
    portal.check("certificates-sibling-answered")

    # The registrar reads the answer with its proof, opens it, and approves
    opage.goto(office.url(f"/sachbearbeitung/{application.pk}/"))
    proof = opage.get_by_role("link", name="erbschein.pdf").last
    assert opage.request.get(office.url(proof.get_attribute("href"))).body() == PDF
    office.reveal("input[name='decision']")
    opage.locator("input[name='decision'][value='approve']").check()
    office.click_and_load(opage.get_by_role("button", name=office.t("Record decision")))
    application.refresh_from_db()
    assert application.status == "approved"
    opage.goto(office.url("/urkunden/verwaltung/"))
    assert "1" in opage.locator("main p").first.inner_text()
