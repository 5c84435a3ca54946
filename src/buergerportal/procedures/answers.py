"""Reading an application's answers: the stored raw answers, cleaned by the service's form.

The form engine knows how (``applications.steps.walk``) and registers its reader when it
starts (``answers_reader_register``), so the kernel never imports the form engine.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from buergerportal.catalogue.definitions import Answers, ServiceDefinition

_reader: list[Callable[[ServiceDefinition, dict[str, Any]], Answers]] = []


def answers_reader_register(reader: Callable[[ServiceDefinition, dict[str, Any]], Answers]) -> None:
    _reader[:] = [reader]


def answers_of(service: ServiceDefinition, data: dict[str, Any]) -> Answers:
    """The cleaned answers of every step that applies, by field name."""
    if not _reader:
        raise RuntimeError("no answers reader: the form engine (applications) is not installed")
    return _reader[0](service, data)
