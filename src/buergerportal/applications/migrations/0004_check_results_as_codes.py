"""Check results become codes with parameters (rendered when read, in the reader's language).

Results stored before as prose in German and English (``{"slug", "title": {"de", "en"},
"passed", "reason": {"de", "en"}}``) are kept readable as the code ``legacy`` whose params hold
the old texts; ``cases.checks.check_rows`` shows them as they were. The language field grows
to hold codes such as ``de-x-easy``.
"""

from django.db import migrations, models

LEGACY = "legacy"


def _to_codes(results):
    converted = []
    for result in results or []:
        if "code" in result:  # already converted
            converted.append(result)
            continue
        reason, title = result.get("reason") or {}, result.get("title") or {}
        params = {}
        if isinstance(reason, dict) and reason.get("de"):
            params["reason"] = {"de": reason["de"], "en": reason.get("en", "")}
        if isinstance(title, dict) and title.get("de"):
            params["title"] = {"de": title["de"], "en": title.get("en", "")}
        converted.append(
            {
                "slug": result.get("slug", ""),
                "passed": bool(result.get("passed")),
                "code": LEGACY if params else "",
                "params": params,
            }
        )
    return converted


def _to_prose(results):
    """Back to the old shape: legacy texts as they were; coded ones show slug and code."""
    converted = []
    for result in results or []:
        if "code" not in result:
            converted.append(result)
            continue
        params = result.get("params") or {}
        slug, code = result.get("slug", ""), result.get("code", "")
        if code == LEGACY:
            title = params.get("title") or {"de": slug, "en": slug}
            reason = params.get("reason") or {"de": "", "en": ""}
        else:
            title, reason = {"de": slug, "en": slug}, {"de": code, "en": code}
        converted.append(
            {"slug": slug, "title": title, "passed": result.get("passed"), "reason": reason}
        )
    return converted


def _convert(apps, convert):
    Application = apps.get_model("applications", "Application")
    for application in Application.objects.exclude(check_results=[]).iterator(chunk_size=500):
        new = convert(application.check_results)
        if new != application.check_results:
            application.check_results = new
            application.save(update_fields=["check_results"])


def forwards(apps, schema_editor):
    _convert(apps, _to_codes)


def backwards(apps, schema_editor):
    _convert(apps, _to_prose)


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0003_queue_indexes"),
    ]

    operations = [
        migrations.AlterField(
            model_name="application",
            name="language",
            field=models.CharField(default="de", max_length=16),
        ),
        migrations.RunPython(forwards, backwards),
    ]
