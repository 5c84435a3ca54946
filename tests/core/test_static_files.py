"""A second start does not collect the static files again unless one of them changed."""

import os

import pytest
from django.contrib.staticfiles import finders

from buergerportal.core.static_files import static_collect_if_changed


@pytest.fixture
def sources(settings, tmp_path):
    source_dir = tmp_path / "src"
    source_dir.mkdir()
    (source_dir / "site.css").write_text("body { color: black; }")
    settings.STATICFILES_DIRS = [source_dir]
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STATIC_ROOT = tmp_path / "collected"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    finders.get_finder.cache_clear()
    yield source_dir
    finders.get_finder.cache_clear()


def test_the_files_are_collected_once_and_again_only_after_a_change(sources, settings):
    collected = settings.STATIC_ROOT / "site.css"
    assert static_collect_if_changed() is True
    assert collected.read_text() == "body { color: black; }"

    assert static_collect_if_changed() is False

    css = sources / "site.css"
    css.write_text("body { color: navy; }")
    stat = css.stat()
    os.utime(css, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert static_collect_if_changed() is True
    assert collected.read_text() == "body { color: navy; }"


def test_a_new_file_is_a_change(sources):
    assert static_collect_if_changed() is True
    (sources / "print.css").write_text("@media print {}")
    assert static_collect_if_changed() is True


def test_production_collects_a_gzipped_copy_of_each_style_sheet_to_send(sources, settings):
    """The page-weight journey counts style sheets at their gzipped size: this is where the
    gzipped file comes from (WhiteNoise sends it to every browser that accepts gzip)."""
    rules = "".join(f".kern-rule-{n} {{ margin: {n}px; color: black; }}\n" for n in range(500))
    (sources / "site.css").write_text(rules)
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    assert static_collect_if_changed() is True
    gzipped = list(settings.STATIC_ROOT.glob("site.*.css.gz"))
    assert len(gzipped) == 1
    assert gzipped[0].stat().st_size < len(rules) / 5
