"""Virus scanning of uploads: a backend chosen by ``settings.VIRUS_SCANNER`` (a dotted path)."""

from __future__ import annotations

from functools import cache
from typing import Any

from django.conf import settings
from django.utils.module_loading import import_string

from .base import ScanResult, VirusScanner

__all__ = ["ScanResult", "VirusScanner", "scanner", "scanner_health"]


@cache
def _scanner(path: str) -> VirusScanner:
    return import_string(path)()


def scanner() -> VirusScanner:
    return _scanner(settings.VIRUS_SCANNER)


def scanner_health() -> tuple[bool, dict[str, Any]]:
    """For /healthz: is the scanner reachable, and does it scan at all?"""
    return scanner().health()
