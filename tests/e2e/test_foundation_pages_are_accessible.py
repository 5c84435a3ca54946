"""Every page of the foundation, as a visitor and as a logged-in resident, passes the page checks.

Journeys cover the flows; this sweep makes sure no page is left out. A new page of the foundation
is added to one of the lists below; a service's pages belong to that service's journey.
"""

from __future__ import annotations

import pytest

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.e2e

PUBLIC_PAGES = {
    "imprint": "/impressum/",
    "privacy": "/datenschutz/",
    "easy-language": "/leichte-sprache/",
    "sign-language": "/gebaerdensprache/",
    "services-a-z": "/leistungen/",
    "search-no-results": "/leistungen/?q=zzzz",
    "life-situation": "/leistungen/lebenslage/mobility/",
    "password-reset": "/accounts/password/reset/",
    "not-found": "/gibt-es-nicht/",
}
RESIDENT_PAGES = {
    "account-email": "/accounts/email/",
    "account-password": "/accounts/password/change/",
    "account-2fa": "/accounts/2fa/",
    "account-delete": "/konto/delete/",
    "logout": "/accounts/logout/",
}


def test_public_pages_pass_the_checks(portal):
    portal.start("/")
    for name, path in PUBLIC_PAGES.items():
        portal.open(path, name)


def test_resident_pages_pass_the_checks(portal):
    user = UserFactory(email="erika@example.org")
    portal.start("/")
    portal.log_in(user.email, PASSWORD)
    for name, path in RESIDENT_PAGES.items():
        portal.open(path, name)
