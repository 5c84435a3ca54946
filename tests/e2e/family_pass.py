"""Test data for the journeys with the family pass, made through the engine's own functions."""

from __future__ import annotations

from tests.factories import OrgUnitFactory

FAMILY_PASS = {"de": "Familienpass", "en": "Family pass"}


def family_pass_unit():
    """The Bürgerservice unit, which handles the family pass."""
    return OrgUnitFactory(
        slug="buergerservice", name_de="Bürgerservice", name_en="Citizen services"
    )


def family_pass_answers(*, children: int = 2, variant: str = "basic") -> dict:
    return {
        "wohnsitz": {"main_residence": ["yes"]},
        "kinder": {"children_count": [str(children)], "youngest_birth_date": ["2019-03-14"]},
        "erwachsene": {"more_adults": [""]},
        "variante": {"variant": [variant]},
    }


def family_pass_submit(user, *, language: str = "de"):
    """A family pass application ``user`` has submitted (a clerk has not yet looked at it)."""
    from buergerportal.applications.models import Draft
    from buergerportal.applications.submission import application_submit

    draft = Draft.objects.create(
        service_slug="familienpass", owner=user, data=family_pass_answers()
    )
    return application_submit(draft_id=draft.pk, language=language)
