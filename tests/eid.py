"""Signing in with the TEST identity provider, in-process: the real redirect and token flow.

allauth fetches the provider's discovery document, keys and token over HTTP; here those calls
go through a ``requests`` adapter to the Django test client (``DjangoTransport``), so the
TEST provider's real views answer them. ``tamper`` lets a security test change the token
endpoint's answer on its way back (as an attacker in the middle would).
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from requests.structures import CaseInsensitiveDict

from buergerportal.accounts.bundid.adapter import SocialAccountAdapter
from buergerportal.accounts.identity.levels import SESSION_KEY

ISSUER = "http://testserver/test-idp"


class DjangoTransport(requests.adapters.BaseAdapter):
    def __init__(self, tamper: Callable[[str, bytes], bytes] | None = None) -> None:
        super().__init__()
        self.client = Client()  # the portal's server, not the resident's browser
        self.tamper = tamper

    def send(self, request, **kwargs):  # type: ignore[override]
        url = urlsplit(request.url)
        path = url.path + (f"?{url.query}" if url.query else "")
        headers = {
            "HTTP_" + name.upper().replace("-", "_"): value
            for name, value in request.headers.items()
            # no Accept-Encoding: this adapter hands over the body as is, where a real HTTP
            # stack would undo the portal's gzip
            if name.lower() not in {"content-type", "content-length", "accept-encoding"}
        }
        body = request.body or b""
        if isinstance(body, str):
            body = body.encode()
        answer = self.client.generic(
            request.method,
            path,
            data=body,
            content_type=request.headers.get("Content-Type", ""),
            **headers,
        )
        content = answer.content
        if self.tamper is not None:
            content = self.tamper(url.path, content)
        response = requests.Response()
        response.status_code = answer.status_code
        response._content = content
        response.headers = CaseInsensitiveDict(dict(answer.headers))
        response.url = request.url
        response.request = request
        return response

    def close(self) -> None:
        pass


@pytest.fixture
def eid(settings, monkeypatch):
    """The portal's eID login pointed at the TEST provider on the test server; returns the
    transport (set ``eid.tamper`` to change the token endpoint's answers)."""
    settings.EID_ISSUER = ISSUER
    settings.EID_CLIENT_ID = "portal-test"
    settings.EID_CLIENT_SECRET = "portal-test-secret"
    transport = DjangoTransport()

    def session(self):
        s = requests.Session()
        s.mount("http://testserver/", transport)
        return s

    monkeypatch.setattr(SocialAccountAdapter, "get_requests_session", session, raising=False)
    return transport


def local(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def eid_start(client, *, process="login", next_url="", level=""):
    """Press "Mit BundID anmelden": the portal's redirect to the TEST provider's page."""
    data = {"process": process, "next": next_url}
    if level:
        data["level"] = level
    response = client.post(reverse("bundid_login"), data)
    assert response.status_code == 302, response.content.decode()[:500]
    assert response["Location"].startswith(ISSUER + "/authorize/")
    return local(response["Location"])


def eid_choose(client, authorize_path: str, *, identity: str, level: str) -> str:
    """On the TEST provider's page: pick the identity and level; returns the callback path."""
    assert client.get(authorize_path).status_code == 200
    response = client.post(authorize_path, {"identity": identity, "level": level})
    assert response.status_code == 302, response.content.decode()[:1000]
    return local(response["Location"])


def eid_sign_in(client, *, identity: str, level: str, process="login", next_url=""):
    """The whole round trip; returns the portal's answer to the callback."""
    authorize = eid_start(client, process=process, next_url=next_url, level=level)
    callback = eid_choose(client, authorize, identity=identity, level=level)
    return client.get(callback)


def query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def eid_session(client, user, level: str = "substantial") -> None:
    """For tests of other features: ``user`` logged in as an eID login at ``level`` would be
    (the flow itself is tested in tests/accounts/bundid/)."""
    client.force_login(user)
    session = client.session
    now = timezone.now().timestamp()
    session[SESSION_KEY] = {"level": level, "since": now, "seen": now}
    session.save()
