import json
import logging

import pytest

from buergerportal.core.logging import pseudonym
from buergerportal.core.middleware import RequestLogMiddleware

pytestmark = pytest.mark.django_db


def _json_lines(caplog) -> list[dict]:
    from pythonjsonlogger.json import JsonFormatter

    formatter = JsonFormatter("%(levelname)s %(name)s %(message)s %(request_id)s")
    return [json.loads(formatter.format(record)) for record in caplog.records]


def test_each_request_is_one_json_line_without_query_string(client, caplog):
    caplog.set_level(logging.INFO, logger="buergerportal.request")
    client.get("/leistungen/?q=anna.schmidt@example.org")
    lines = [line for line in _json_lines(caplog) if line["name"] == "buergerportal.request"]
    assert len(lines) == 1
    assert lines[0]["path"] == "/leistungen/"
    assert lines[0]["status"] == 200
    assert "anna.schmidt" not in json.dumps(lines)


def test_secret_tokens_in_paths_are_not_logged(rf, caplog):
    caplog.set_level(logging.INFO, logger="buergerportal.request")
    request = rf.get("/accounts/confirm-email/MjQ:1sXyz:secret-token/")
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse

    request.user = AnonymousUser()
    RequestLogMiddleware(lambda r: HttpResponse())(request)
    assert "secret-token" not in caplog.text


def test_pseudonyms_correlate_without_revealing():
    assert pseudonym("Anna@Example.org ") == pseudonym("anna@example.org")
    assert pseudonym("anna@example.org") != pseudonym("otto@example.org")
    assert "anna" not in pseudonym("anna@example.org")
