"""No scanner configured: files are accepted unscanned, and /healthz says so."""

from __future__ import annotations

from typing import IO, Any

from .base import ScanResult, VirusScanner


class NoOpScanner(VirusScanner):
    name = "none"
    scanning = False

    def scan(self, stream: IO[bytes]) -> ScanResult:
        return ScanResult(clean=True, scanned=False, detail="not scanned")

    def health(self) -> tuple[bool, dict[str, Any]]:
        return True, {
            "backend": self.name,
            "scanning": False,
            "note": "no virus scanner configured: set BP_CLAMAV_SOCKET or BP_CLAMAV_HOST",
        }
