"""Server-rendered SVG charts: horizontal bars whose lengths are percentages of the width, so
the text keeps its size on a 360 px phone and the chart needs no JavaScript. Every chart has a
title and a description for screen readers, and the page shows the same numbers as a table."""

from __future__ import annotations

from dataclasses import dataclass

ROW_HEIGHT = 48
BAR_HEIGHT = 20


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # None: suppressed or unknown (no bar, the label says why)
    text: str  # the value as written (e.g. "9 von 16", "< 5")
    marker: float | None = None  # e.g. the promised time, in the chart's units


@dataclass(frozen=True)
class BarView:
    label: str
    text: str
    width: float  # percent of the chart's width
    marker: float | None
    y_label: int
    y_bar: int


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    bars: tuple[BarView, ...]
    height: int
    marker_label: str = ""


def bar_chart(
    *,
    id: str,
    title: str,
    description: str,
    bars: list[Bar],
    maximum: float | None = None,
    marker_label: str = "",
) -> Chart:
    values = [b.value for b in bars if b.value is not None] + [
        b.marker for b in bars if b.marker is not None
    ]
    top = maximum if maximum is not None else max(values, default=0) or 1
    views = []
    for index, bar in enumerate(bars):
        width = 0.0 if bar.value is None else max(0.0, min(100.0, 100 * bar.value / top))
        marker = None if bar.marker is None else max(0.0, min(99.5, 100 * bar.marker / top))
        y = index * ROW_HEIGHT
        views.append(
            BarView(
                label=bar.label,
                text=bar.text,
                width=round(width, 2),
                marker=None if marker is None else round(marker, 2),
                y_label=y + 16,
                y_bar=y + 22,
            )
        )
    return Chart(
        id=id,
        title=title,
        description=description,
        bars=tuple(views),
        height=max(1, len(bars)) * ROW_HEIGHT,
        marker_label=marker_label,
    )
