"""Errors the GOV.UK way: the summary is the first thing in <main> on every step (check answers
too), the title starts with "Error:", radio errors sit with their question, and the summary's
links name the field briefly."""

import re

import pytest
from django.urls import reverse

from buergerportal.catalogue import registry
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def resident(client, unit):
    user = UserFactory()
    client.force_login(user)
    client.cookies["django_language"] = "en"
    return user


def _start(client, slug="test-pass"):
    return client.post(reverse("applications:start", args=[slug]))["Location"]


def _first_in_main(html: str) -> str:
    after = html[html.index('<main id="main"') :]
    after = after[after.index(">") + 1 :]
    return re.search(r"<(\w+)[^>]*>", after).group(0)


def _title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


def test_a_step_with_an_error_starts_main_with_the_summary_and_its_title_with_error(
    client, resident
):
    html = client.post(_start(client), {"full_name": ""}).content.decode()
    assert 'id="error-summary"' in _first_in_main(html)
    assert html.count('id="error-summary"') == 1
    assert _title(html).startswith("Error:")


def test_check_answers_with_an_error_starts_main_with_the_summary_and_its_title_with_error(
    client, resident
):
    url = _start(client)
    url = client.post(url, {"full_name": "Erika Mustermann"})["Location"]
    url = client.post(url, {"children": "2"})["Location"]
    check_url = client.post(url, {"variant": "basic"})["Location"]
    html = client.post(check_url, {}).content.decode()
    assert 'id="error-summary"' in _first_in_main(html)
    assert html.count('id="error-summary"') == 1
    assert _title(html).startswith("Error:")
    without_error = client.get(check_url).content.decode()
    assert not _title(without_error).startswith("Error:")


def test_a_radio_error_is_read_with_its_question(client, resident):
    url = _start(client)
    url = client.post(url, {"full_name": "Erika Mustermann"})["Location"]
    url = client.post(url, {"children": "2"})["Location"]
    html = client.post(url, {}).content.decode()
    fieldset = re.search(r"<fieldset[^>]*>", html).group(0)
    assert "id_variant_error" in fieldset
    legend_at = html.index("<legend")
    assert legend_at < html.index('id="id_variant_error"') < html.index('name="variant"')


def test_the_summary_link_names_the_field_briefly(client, unit):
    user = UserFactory()
    client.force_login(user)
    from buergerportal.services.parking_permit.definition import SERVICE as PARKING

    step = PARKING.steps[0]
    form_class = type("VehicleForm", (__import__("django").forms.Form,), dict(step.fields))
    form = form_class(data={"plate": "MA-AB 1234"})
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override("de"):
        assert not form.is_valid()
        summary = render_to_string("core/forms/error_summary.html", {"form": form})
    link = re.search(r'<a class="kern-link" href="#id_own_vehicle_0">(.*?)</a>', summary).group(1)
    assert link == "Zulassung – Wählen Sie Ja oder Nein"


def test_every_long_question_has_a_short_name_for_the_error_summary():
    from django.utils import translation

    too_long = []
    with translation.override("de"):
        for service in registry.all_services():
            for step in service.steps:
                for name, form_field in step.fields.items():
                    label = str(form_field.label or "")
                    short = getattr(form_field, "short_label", None)
                    long_question = label.endswith("?") and len(label) > 25
                    if (len(label) > 35 or long_question) and (
                        short is None or len(str(short)) > 25
                    ):
                        too_long.append(f"{service.slug}.{name}: {label}")
    assert too_long == []
