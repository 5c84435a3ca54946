"""docs/security.md maps ASVS requirements to tests: a mapped test must exist."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAPPING = re.compile(r"(tests/[\w/]+\.py)::(test_\w+)")


def _mapped() -> list[tuple[str, str]]:
    text = (ROOT / "docs" / "security.md").read_text()
    section = text.split("## OWASP ASVS", 1)[1]
    return MAPPING.findall(section)


def test_the_asvs_mapping_names_tests():
    assert len(_mapped()) >= 30


def test_every_mapped_test_exists():
    missing = []
    for path, name in _mapped():
        source = ROOT / path
        if not source.is_file() or not re.search(rf"^def {name}\(", source.read_text(), re.M):
            missing.append(f"{path}::{name}")
    assert missing == [], f"docs/security.md names tests that do not exist: {missing}"


def test_every_row_names_a_test_or_says_why_not():
    text = (ROOT / "docs" / "security.md").read_text().split("## OWASP ASVS", 1)[1]
    rows = [line for line in text.splitlines() if line.startswith("| V")]
    assert rows
    for row in rows:
        assert MAPPING.search(row) or "N/A" in row, row
