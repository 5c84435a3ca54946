"""The contract every virus-scanner backend fulfils."""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO, Any


@dataclass(frozen=True)
class ScanResult:
    clean: bool
    scanned: bool  # False when no scanner looked at the file
    detail: str = ""  # e.g. the signature name of a finding


class ScannerUnavailable(Exception):
    """The scanner could not be reached; the upload is refused rather than let through."""


class VirusScanner:
    name = "base"
    scanning = True

    def scan(self, stream: IO[bytes]) -> ScanResult:
        raise NotImplementedError

    def health(self) -> tuple[bool, dict[str, Any]]:
        raise NotImplementedError
