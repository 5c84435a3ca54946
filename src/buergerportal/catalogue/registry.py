"""The catalogue: the enabled services' definitions and the life situations they belong to."""

from __future__ import annotations

from typing import Protocol

from .definitions import LifeSituation, ServiceDefinition, Text

LIFE_SITUATIONS: tuple[LifeSituation, ...] = (
    LifeSituation(
        "mobility",
        Text("Mobilität und Parken", "Mobility and parking"),
        Text("Parkausweise, Fahrzeuge, Verkehr", "Parking permits, vehicles, traffic"),
    ),
    LifeSituation(
        "family",
        Text("Familie und Kinder", "Family and children"),
        Text("Familienpass, Angebote für Kinder", "Family pass, offers for children"),
    ),
    LifeSituation(
        "civil-status",
        Text("Geburt, Ehe, Sterbefall", "Birth, marriage, death"),
        Text("Urkunden aus dem Standesamt", "Certificates from the registry office"),
    ),
    LifeSituation(
        "leisure",
        Text("Freizeit und Sport", "Leisure and sport"),
        Text("Schwimmkurse und städtische Bäder", "Swimming courses and city pools"),
    ),
    LifeSituation(
        "business",
        Text("Arbeit und Gewerbe", "Work and business"),
        Text("Gewerberegister und Auskünfte", "Business register and information"),
    ),
    LifeSituation(
        "pets",
        Text("Haustiere", "Pets"),
        Text("Hundesteuer, Anmeldung und Abmeldung", "Dog tax, registration and deregistration"),
    ),
)


_registered: dict[str, ServiceDefinition] = {}


def service_register(service: ServiceDefinition) -> None:
    """Add a service defined elsewhere (tests, plugins); it wins over a discovered one."""
    _registered[service.slug] = service


def service_unregister(slug: str) -> None:
    _registered.pop(slug, None)


def all_services() -> tuple[ServiceDefinition, ...]:
    """The discovered services plus any registered with ``service_register``."""
    discovered = tuple(s for s in _discovered_services() if s.slug not in _registered)
    return discovered + tuple(_registered.values())


class CatalogueSource(Protocol):
    """Where the catalogue's services come from: the enabled service plugins
    (``services/apps.py`` registers them with ``catalogue_source_register``)."""

    def definitions(self) -> tuple[ServiceDefinition, ...]: ...

    def life_situations(self) -> tuple[LifeSituation, ...]: ...


_sources: list[CatalogueSource] = []


def catalogue_source_register(source: CatalogueSource) -> None:
    if source not in _sources:
        _sources.append(source)


def _discovered_services() -> tuple[ServiceDefinition, ...]:
    """The definitions of the enabled services (``BP_SERVICES``)."""
    return tuple(d for source in _sources for d in source.definitions())


def life_situations() -> tuple[LifeSituation, ...]:
    """The common life situations, then those the enabled services add."""
    return LIFE_SITUATIONS + tuple(ls for source in _sources for ls in source.life_situations())


def service_by_slug(slug: str) -> ServiceDefinition | None:
    return next((s for s in all_services() if s.slug == slug), None)


def services_a_to_z() -> list[ServiceDefinition]:
    """Every service, sorted by its title in the active language."""
    return sorted(all_services(), key=lambda s: str(s.title).casefold())


def services_for_situation(slug: str) -> list[ServiceDefinition]:
    return [s for s in services_a_to_z() if slug in s.life_situations]


def life_situation(slug: str) -> LifeSituation | None:
    return next((ls for ls in life_situations() if ls.slug == slug), None)


def search_services(query: str) -> list[ServiceDefinition]:
    query = query.strip()
    if not query:
        return []
    return [s for s in services_a_to_z() if s.matches(query)]
