"""The owner of a business reads who looked it up, reached from her account; the trade office
records a Gewerbeanzeige with the official form's sections.

Lena signed in with BundID (her account is linked to the resident register): the account page
links to *Who looked up your business?*, which names the lawyer who looked up her bakery. A clerk
of the trade office submits a registration without its fields (error summary), then a takeover.
Every page passes axe-core, in German and English.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone

from buergerportal.accounts.models import Role
from tests.factories import PASSWORD, UserFactory, staff_member

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_owner_reads_who_looked_up_her_bakery_from_her_account(portal, business_city):
    from buergerportal.registers.identity import person_link
    from buergerportal.registers.models import RegisteredPerson
    from buergerportal.services.business_lookup.models import Business, ExtendedLookup

    lena = UserFactory(email="lena@example.org", first_name="Lena", last_name="Weber")
    RegisteredPerson.objects.create(
        person_key="P-LENA", given_names="Lena", family_name="Weber", birth_date=date(1985, 4, 2)
    )
    person_link(user=lena, person_key="P-LENA")
    ExtendedLookup.objects.create(
        business=Business.objects.get(number=business_city["weber"]),
        requester_name="Karin Keller",
        reason="title",
        reason_detail="Vollstreckungsbescheid 3 C 123/26",
        positive=True,
        looked_up_at=timezone.now(),
    )
    page = portal.page
    portal.start("/")
    portal.log_in(lena.email, PASSWORD)
    page.goto(portal.url("/konto/"))
    link = {"de": "Wer hat Ihr Gewerbe abgefragt?", "en": "Who looked up your business?"}
    portal.click_and_load(page.get_by_role("link", name=link[portal.lang]))
    portal.check("business-owner-lookups")
    main = page.locator("main").inner_text()
    assert "Bäckerei Weber" in main
    assert "Karin Keller" in main and "3 C 123/26" in main


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_trade_office_records_a_takeover_with_the_official_fields(portal, business_city):
    from buergerportal.services.business_lookup.models import Business

    clerk = staff_member(unit=business_city["unit"], role=Role.CLERK)
    page = portal.page
    portal.start("/")
    portal.log_in_staff(clerk, PASSWORD)
    page.goto(portal.url("/gewerbeauskunft/verwaltung/anzeige/"))
    portal.check("business-intake")
    assert page.locator("main fieldset > legend").count() >= 5

    page.locator("input[name='kind'][value='registration']").check()
    page.locator("#id_effective_on").fill("2026-06-01")
    portal.click_and_load(page.locator("main form.bp-form button[type='submit']"))
    portal.check("business-intake-errors")
    assert page.locator("#error-summary").is_visible()

    for name, value in {
        "effective_on": "2026-06-01", "name": "Konditorei Süß", "owner_family_name": "Süß",
        "owner_given_names": "Sofia", "owner_birth_date": "1990-01-31", "street": "Dalbergstraße",
        "house_number": "4", "postcode": "68159", "city": "Mannheim",
        "activity": "Herstellung von Torten", "register_entry": "Amtsgericht Mannheim HRB 712345",
        "previous_owner": "Karl Kuchen", "staff_full_time": "2",
    }.items():  # fmt: skip
        page.locator(f"#id_{name}").fill(value)
    page.locator("#id_legal_form").select_option("gmbh")
    page.locator("#id_reason").select_option("takeover")
    page.locator("#id_side_business").check()
    portal.click_and_load(page.locator("main form.bp-form button[type='submit']"))
    business = Business.objects.get(name="Konditorei Süß")
    assert business.register_entry == "Amtsgericht Mannheim HRB 712345"
    assert business.side_business and business.notifications.get().previous_owner == "Karl Kuchen"
