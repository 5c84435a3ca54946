"""``{% ozg_maturity service as level %}``: a service's OZG maturity level (0–7), computed from
the facts of its definition (figures/maturity.py) instead of a hand-typed number."""

from __future__ import annotations

from django import template

from buergerportal.catalogue.definitions import ServiceDefinition

from ..maturity import service_maturity

register = template.Library()


@register.simple_tag
def ozg_maturity(service: ServiceDefinition) -> int:
    return service_maturity(service).level
