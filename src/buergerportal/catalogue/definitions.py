"""What a service (Verwaltungsleistung) is, as the catalogue knows it.

A service is defined in one Python module, ``buergerportal/services/<name>/definition.py``, which
exposes ``SERVICE``; docs/services.md explains how to add one. Texts a resident reads come in
German and English side by side (``Text``), because cities edit them as content, not as code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import get_language


@dataclass(frozen=True)
class Text:
    de: str
    en: str

    def __str__(self) -> str:
        return self.en if (get_language() or "de").startswith("en") else self.de


@dataclass(frozen=True)
class LifeSituation:
    slug: str
    title: Text
    description: Text


@dataclass(frozen=True)
class ServiceDefinition:
    slug: str
    title: Text
    summary: Text
    unit: str  # slug of the responsible OrgUnit
    life_situations: tuple[str, ...]
    key: str = ""  # key in the federal service catalogue (LeiKa / FIM), where one exists
    eligibility: tuple[Text, ...] = ()
    evidence: tuple[Text, ...] = ()
    fee: Text = Text("kostenlos", "free of charge")
    duration: Text = Text("", "")
    ozg_level: int = 0  # OZG maturity 0-4 of the old model
    ozg_facts: tuple[Text, ...] = ()
    keywords: tuple[str, ...] = field(default=())
    legal_basis: Text = Text("", "")
    applies_online: bool = False  # True once the service has an online form

    def matches(self, query: str) -> bool:
        """Case-insensitive search over both languages' titles, summaries and the keywords."""
        haystack = " ".join(
            [self.title.de, self.title.en, self.summary.de, self.summary.en, *self.keywords]
        ).casefold()
        return all(word in haystack for word in query.casefold().split())
