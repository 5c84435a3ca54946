"""The service-plugin contract: what a service (Verwaltungsleistung) gives the portal.

Every service lives in its own package, ``buergerportal/services/<name>/``, whose ``plugin.py``
exposes ``PLUGIN``, an instance of a ``ServicePlugin`` subclass. The portal finds the enabled ones
(``BP_SERVICES``) and wires them in: the catalogue entry and online form (``definition``), the
Django app with the service's own models, migrations and periodic jobs (``apps.py``, installed
when the package has one), its pages (``urls_module`` under ``url_prefix``), the links it adds to
the resident's and the staff's account page, the life situations it adds, and its part of the
demo city. Adding or removing a service changes no central file: only the list of enabled
services. ``services/demo/`` is the worked example (docs/services.md).

What an application's lifecycle needs of a service (form, fee, checks, workflow, what approval
creates, result documents, notice lines) is its ``ServiceDefinition``
(``catalogue/definitions.py``); the plugin adds what lives outside one application.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from buergerportal.accounts.models import User
    from buergerportal.catalogue.definitions import LifeSituation, ServiceDefinition, Text


@dataclass(frozen=True)
class AccountLink:
    """A link on the account page: ``url_name`` reversed without arguments."""

    title: Text
    url_name: str


class ServicePlugin(ABC):
    """Subclass it in ``services/<name>/plugin.py`` and expose an instance as ``PLUGIN``."""

    #: The package's name under ``buergerportal.services`` (``parking_permit``): set by the loader.
    name: str = ""
    #: The service's pages, mounted at ``/<url_prefix>`` (e.g. ``"bewohnerparken/"``).
    url_prefix: str = ""
    #: The module with the service's ``urlpatterns`` (and ``app_name``), e.g. ``".urls"``
    #: relative to the package.
    urls_module: str = ""
    #: Life situations this service adds to the catalogue (the common ones are built in).
    life_situations: tuple[LifeSituation, ...] = ()

    @property
    @abstractmethod
    def definition(self) -> ServiceDefinition:
        """The catalogue entry and, for services applied for online, the form and rules."""

    def resident_links(self, user: User) -> list[AccountLink]:
        """Links on a resident's account page (e.g. "Your resident parking permits")."""
        return []

    def staff_links(self, user: User) -> list[AccountLink]:
        """Links on a member of staff's account page (called for staff of any unit)."""
        return []

    def demo_load(self, *, users: dict[str, Any]) -> None:
        """Load this service's part of the demo city (idempotent); ``users`` by email."""
        return None


class DefinitionOnly(ServicePlugin):
    """A service that is a definition and nothing else (information only, or a simple form)."""

    def __init__(self, definition: ServiceDefinition) -> None:
        self._definition = definition

    @property
    def definition(self) -> ServiceDefinition:
        return self._definition
