"""Finding the enabled service plugins (``BP_SERVICES``) and what they contribute."""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from functools import cache

from django.conf import settings

from buergerportal.accounts.models import User
from buergerportal.catalogue.definitions import LifeSituation, ServiceDefinition

from .base import AccountLink, ServicePlugin

PACKAGE = "buergerportal.services"


class PluginError(Exception):
    """A service named in ``BP_SERVICES`` has no usable ``plugin.py``."""


def service_package_has(name: str, module: str) -> bool:
    """Whether ``buergerportal.services.<name>.<module>`` exists (without importing it)."""
    return importlib.util.find_spec(f"{PACKAGE}.{name}.{module}") is not None


def plugin_load(name: str) -> ServicePlugin:
    """The ``PLUGIN`` of ``buergerportal/services/<name>/plugin.py``."""
    try:
        module = importlib.import_module(f"{PACKAGE}.{name}.plugin")
    except ModuleNotFoundError as missing:
        raise PluginError(f"service {name!r}: no module {PACKAGE}.{name}.plugin") from missing
    plugin = getattr(module, "PLUGIN", None)
    if not isinstance(plugin, ServicePlugin):
        raise PluginError(f"service {name!r}: plugin.py must define PLUGIN = a ServicePlugin")
    plugin.name = name
    return plugin


@cache
def _enabled(names: tuple[str, ...]) -> tuple[ServicePlugin, ...]:
    return tuple(plugin_load(name) for name in names)


def enabled_plugins() -> tuple[ServicePlugin, ...]:
    """The plugins of the services listed in ``settings.SERVICES``, in that order."""
    return _enabled(tuple(settings.SERVICES))


def plugin_urls_module(plugin: ServicePlugin) -> str:
    module = plugin.urls_module
    return f"{PACKAGE}.{plugin.name}{module}" if module.startswith(".") else module


def account_links(user: User, *, staff: bool) -> list[AccountLink]:
    """What the enabled services add to the account page, resident links then staff links."""
    links: list[AccountLink] = []
    for plugin in enabled_plugins():
        links += plugin.resident_links(user)
    if staff:
        for plugin in enabled_plugins():
            links += plugin.staff_links(user)
    return links


@dataclass(frozen=True)
class EnabledServices:
    """The catalogue's source of services (``catalogue.registry.CatalogueSource``): the
    enabled plugins, read again whenever ``settings.SERVICES`` changes. Every instance is equal,
    so registering it again (Django runs ``ready()`` again when a test changes the apps) adds
    no second source."""

    def definitions(self) -> tuple[ServiceDefinition, ...]:
        return tuple(plugin.definition for plugin in enabled_plugins())

    def life_situations(self) -> tuple[LifeSituation, ...]:
        return tuple(ls for plugin in enabled_plugins() for ls in plugin.life_situations)
