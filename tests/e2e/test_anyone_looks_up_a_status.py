"""Anyone with the reference number and the email address sees an application's status."""

from __future__ import annotations

import pytest
from django.utils import translation

from tests.factories import UserFactory

from .family_pass import family_pass_submit, family_pass_unit

pytestmark = pytest.mark.e2e


def test_status_lookup_without_login_and_the_neutral_answer_to_a_wrong_combination(portal, engine):
    page = portal.page
    family_pass_unit()
    application = family_pass_submit(UserFactory(email="erika@example.org"))
    submit = page.locator("main form.bp-form button[type='submit']")

    portal.start("/antrag/status/")
    portal.check("status-lookup")

    page.locator("input[name='reference']").fill(application.reference)
    page.locator("input[name='email']").fill("someone.else@example.org")
    portal.click_and_load(submit)
    summary = portal.error_summary()
    assert summary.is_visible()
    neutral = portal.t(
        "We could not find an application with this reference number and email address."
    )
    assert neutral in summary.inner_text()
    assert page.locator("input[name='reference']").input_value() == application.reference
    portal.check("status-lookup-not-found")

    page.locator("input[name='email']").fill("erika@example.org")
    portal.click_and_load(submit)
    main = page.locator("main").inner_text()
    assert application.reference in main
    with translation.override(portal.lang):
        assert str(application.get_status_display()) in main
    assert portal.error_summary().count() == 0
    portal.check("status-lookup-found")
