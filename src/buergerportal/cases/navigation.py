"""The staff navigation (cases/staff_base.html): the back-office pages this person may open,
instead of the residents' menu."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from buergerportal.accounts.models import User
from buergerportal.accounts.permissions import units_for_staff
from buergerportal.payments.access import user_is_finance
from buergerportal.services.plugins import enabled_plugins


@dataclass(frozen=True)
class NavLink:
    title: str
    url: str
    current: bool = False


def staff_navigation(user: User, *, path: str = "") -> list[NavLink]:
    """The links of the staff menu, in a clerk's order of use; the one ``path`` lies under is
    marked current. Empty for anyone who is not staff."""
    if not user.is_authenticated or not user.is_staff_member:
        return []
    links: list[tuple[str, str]] = []
    if units_for_staff(user).exists():
        links.append((_("Case queue"), reverse("cases:queue")))
    links.append((_("Payments"), reverse("payments:staff_payments")))
    if user_is_finance(user):
        links.append((_("Reconciliation"), reverse("payments:reconciliation")))
    links.append((_("Revocations"), reverse("entitlements:staff")))
    links.append((_("Strategy"), reverse("strategy:staff_measures")))
    for plugin in enabled_plugins():
        links += [(str(link.title), reverse(link.url_name)) for link in plugin.staff_links(user)]
    # the longest prefix of the path is the page the person is on (not every page below "/")
    under = [url for _title, url in links if path.startswith(url)]
    current = max(under, key=len) if under else ""
    return [NavLink(title=title, url=url, current=url == current) for title, url in links]
