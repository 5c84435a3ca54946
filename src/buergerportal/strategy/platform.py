"""What the platform itself knows about a measure that is this portal (measure 1.1).

``services_online``: the catalogue's services that residents can apply for online, out of the
services the measure plans; ``applications_online``: the applications of the last twelve months
from the live figures. Another figure can be added with ``platform_figure_register``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from buergerportal.catalogue.registry import all_services
from buergerportal.core.i18n import Text


@dataclass(frozen=True)
class PlatformFigure:
    label: Text
    value: int | None
    note: Text = Text("", "")


def services_online() -> int:
    """Services a resident can apply for online, end to end, in this portal now."""
    return sum(1 for service in all_services() if service.applies_online)


_figures: dict[str, Callable[[], PlatformFigure]] = {}


def platform_figure_register(name: str, figure: Callable[[], PlatformFigure]) -> None:
    _figures[name] = figure


def applications_online_figure() -> PlatformFigure:
    from buergerportal.figures.models import PORTAL, ServiceFigures
    from buergerportal.figures.presentation import suppressed

    label = Text("Online bearbeitete Anträge", "Applications handled online")
    figures = ServiceFigures.objects.filter(scope=PORTAL).first()
    if figures is None:
        return PlatformFigure(label, None, Text("noch nicht berechnet", "not computed yet"))
    return PlatformFigure(
        label,
        suppressed(figures.applications),
        Text(
            f"{figures.period_start:%d.%m.%Y}–{figures.period_end:%d.%m.%Y}",
            f"{figures.period_start:%Y-%m-%d} to {figures.period_end:%Y-%m-%d}",
        ),
    )


_figures["applications_online"] = applications_online_figure


def platform_figures() -> list[PlatformFigure]:
    online = PlatformFigure(
        Text("Leistungen vollständig online", "Services fully online"), services_online()
    )
    return [online, *(figure() for _name, figure in sorted(_figures.items()))]
