"""The first visit stays light: HTML compressed, Fira Sans subset to the portal's characters."""

import gzip
import re
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parents[2] / "src/buergerportal/core/static/core/fonts"


@pytest.mark.django_db
def test_the_start_page_is_compressed_for_a_browser_that_accepts_it(client):
    response = client.get("/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response["Content-Encoding"] == "gzip"
    html = gzip.decompress(response.content).decode()
    assert "<main" in html
    assert len(response.content) < len(html) / 3


@pytest.mark.django_db
def test_pages_load_the_subset_fonts_not_kerns_full_ones(client):
    html = client.get("/").content.decode()
    assert re.search(r'href="/static/core/fonts/fira-sans\.css"', html)
    assert "kern/fonts/" not in html


@pytest.mark.parametrize("font", sorted(FONTS.glob("*.woff2")), ids=lambda path: path.name)
def test_each_subset_font_is_small_and_has_german_typography_and_residents_names(font):
    assert font.stat().st_size < 30 * 1024
    characters = set(TTFont(font).getBestCmap())
    for text in ("äöüÄÖÜß", "„Bürger“ – 1.234,56 €", "Łódź Şahin", "Ștefan"):
        missing = [c for c in text if ord(c) not in characters]
        assert missing == [], f"{font.name} lacks {missing}"
