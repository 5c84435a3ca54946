"""The contract every virus-scanner backend fulfils."""

from __future__ import annotations

import abc
from dataclasses import dataclass
from typing import IO, Any


@dataclass(frozen=True)
class ScanResult:
    clean: bool
    scanned: bool  # False when no scanner looked at the file
    detail: str = ""  # e.g. the signature name of a finding


class ScannerUnavailable(Exception):
    """The scanner could not be reached; the upload is refused rather than let through."""


class VirusScanner(abc.ABC):
    """The contract of a scanner backend (``clamav``, ``noop``), chosen by setting."""

    name = "base"
    scanning = True

    @abc.abstractmethod
    def scan(self, stream: IO[bytes]) -> ScanResult:
        """Scan the file; raise ScannerUnavailable if the scanner cannot be reached."""

    @abc.abstractmethod
    def health(self) -> tuple[bool, dict[str, Any]]:
        """For /healthz: whether the scanner answers, and what it is."""
