"""Start-up checks of every enabled service's definition (Django's system check framework).

``manage check`` (and every ``runserver``, ``migrate`` and test run) reports a definition that
cannot work: field names used twice across steps (answers are kept flat), a step asking for an
upload the service does not declare, a text missing in a configured language, a service that
may decide automatically without naming the legal provision that allows it. With ``--database``
(``migrate`` runs it) it also checks that the responsible unit exists.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.core.checks import Error, Tags, Warning, register
from django.db import DatabaseError

from buergerportal.catalogue.definitions import ServiceDefinition, Text

from .plugins import PluginError, enabled_plugins


def _texts(service: ServiceDefinition) -> list[tuple[str, Text]]:
    texts = [("title", service.title), ("summary", service.summary)]
    texts += [(f"step {step.slug!r} title", step.title) for step in service.steps]
    texts += [(f"check {check.slug!r} title", check.title) for check in service.checks]
    texts += [
        (f"check {check.slug!r} reason {code!r}", reason)
        for check in service.checks
        for code, reason in check.reasons.items()
    ]
    texts += [(f"upload {spec.slug!r} title", spec.title) for spec in service.uploads]
    return texts


def definition_errors(service: ServiceDefinition) -> list[str]:
    """What is wrong with one definition, in words (empty if nothing)."""
    problems = []
    names = Counter(name for step in service.steps for name in step.fields)
    problems += [
        f"field {name!r} is asked on {count} steps (field names must be unique)"
        for name, count in sorted(names.items())
        if count > 1
    ]
    declared = {spec.slug for spec in service.uploads}
    problems += [
        f"step {step.slug!r} asks for upload {slug!r}, which the service does not declare"
        for step in service.steps
        for slug in step.evidence
        if slug not in declared
    ]
    for where, text in _texts(service):
        problems += [f"{where} has no {language} text" for language in text_gaps(text)]
    steps = Counter(step.slug for step in service.steps)
    problems += [f"step slug {slug!r} is used twice" for slug, n in steps.items() if n > 1]
    return problems


def text_gaps(text: Text) -> list[str]:
    """The configured languages in which ``text`` would show nothing (not even a fallback)."""
    return [language for language in ("de", "en") if not getattr(text, language, "").strip()]


@register()
def services_check(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """Every enabled service loads and its definition holds together."""
    errors: list[Error] = []
    try:
        plugins = enabled_plugins()
    except PluginError as broken:
        return [Error(str(broken), hint="Check BP_SERVICES.", id="services.E001")]
    slugs = Counter(plugin.definition.slug for plugin in plugins)
    errors += [
        Error(f"two enabled services have the slug {slug!r}", id="services.E002")
        for slug, count in slugs.items()
        if count > 1
    ]
    for plugin in plugins:
        errors += [
            Error(f"service {plugin.definition.slug!r}: {problem}", id="services.E003")
            for problem in definition_errors(plugin.definition)
        ]
    return errors


@register(Tags.database)
def services_units_check(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """Every enabled service's responsible unit exists (run by ``migrate``, ``check
    --database default``)."""
    from buergerportal.accounts.models import OrgUnit

    try:
        known = set(OrgUnit.objects.values_list("slug", flat=True))
    except DatabaseError:  # not migrated yet (``migrate`` checks before it migrates)
        return []
    if not known:  # a fresh database before the city's units are loaded
        return []
    return [
        Error(
            f"service {plugin.definition.slug!r}: its unit {plugin.definition.unit!r} does not "
            "exist",
            hint="Create the unit in the admin, or correct the definition's unit.",
            id="services.E004",
        )
        for plugin in enabled_plugins()
        if plugin.definition.unit not in known
    ]


@register(Tags.database)
def services_fees_check(app_configs: Any = None, **kwargs: Any) -> list[Warning]:
    """Every fee code an enabled service charges is in the fee schedule (``catalogue.Fee``).
    A warning, not an error: a city loads its fees after ``migrate`` (the demo city does)."""
    from buergerportal.catalogue.models import Fee

    try:
        scheduled = set(Fee.objects.values_list("service_slug", "code"))
    except DatabaseError:
        return []
    warnings = []
    for plugin in enabled_plugins():
        service = plugin.definition
        code = service.fee_item_code
        if service.charges_fee and code and (service.slug, code) not in scheduled:
            warnings.append(
                Warning(
                    f"service {service.slug!r} charges fee {code!r}, which the fee schedule "
                    "does not hold: applying will fail until it does",
                    hint="Add the fee in the admin (Fee schedule).",
                    id="services.W001",
                )
            )
    return warnings
