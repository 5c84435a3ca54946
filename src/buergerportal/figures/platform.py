"""A figure for the strategy's portal measure (1.1): applications handled online."""

from __future__ import annotations

from buergerportal.core.i18n import Text
from buergerportal.strategy.platform import PlatformFigure

from .models import PORTAL, ServiceFigures


def applications_online_figure() -> PlatformFigure:
    figures = ServiceFigures.objects.filter(scope=PORTAL).first()
    if figures is None:
        return PlatformFigure(
            Text("Online bearbeitete Anträge", "Applications handled online"),
            None,
            Text("noch nicht berechnet", "not computed yet"),
        )
    return PlatformFigure(
        Text("Online bearbeitete Anträge", "Applications handled online"),
        figures.applications,
        Text(
            f"{figures.period_start:%d.%m.%Y}–{figures.period_end:%d.%m.%Y}",
            f"{figures.period_start:%Y-%m-%d} to {figures.period_end:%Y-%m-%d}",
        ),
    )
