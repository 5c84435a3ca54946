from datetime import date

import pytest

from buergerportal.documents.cose import PREFIX, credential_decode, credential_encode
from buergerportal.documents.credentials import (
    credential_issue,
    credential_qr_svg,
    credential_revoke,
    credential_verify,
)
from buergerportal.documents.keys import signing_key_current, signing_key_rotate
from buergerportal.documents.models import SigningKey

pytestmark = pytest.mark.django_db

TODAY = date(2026, 6, 1)


def _permit(**overrides):
    return credential_issue(
        kind="parking",
        reference="BP-2026-000123-45",
        valid_from=overrides.get("valid_from", date(2026, 1, 1)),
        valid_until=overrides.get("valid_until", date(2026, 12, 31)),
        facts={"z": "Zone 3 Lindenhof", "p": "MA-AB 1234"},
    )


def test_an_issued_permit_verifies_as_valid_with_its_facts():
    issued = _permit()
    assert issued.text.startswith(PREFIX) and len(issued.text) < 400
    result = credential_verify(issued.text, today=TODAY)
    assert result.state == "valid"
    assert result.claims["p"] == "MA-AB 1234" and result.claims["z"] == "Zone 3 Lindenhof"


def test_an_altered_plate_is_detected_as_forged():
    issued = _permit()
    decoded = credential_decode(issued.text)
    claims = {**decoded.claims, "p": "MA-XY 9999"}
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    forged = credential_encode(
        claims=claims, kid=decoded.kid, private_key=Ed25519PrivateKey.generate()
    )
    assert credential_verify(forged, today=TODAY).state == "forged"


def test_a_code_signed_with_an_unknown_key_is_forged():
    issued = _permit()
    decoded = credential_decode(issued.text)
    _, key = signing_key_current()
    other = credential_encode(claims=decoded.claims, kid="deadbeef", private_key=key)
    assert credential_verify(other, today=TODAY).state == "forged"


@pytest.mark.parametrize("text", ["", "hello", "BP1:", "BP1:%%%%", "HC1:NCFOXN%TS3DH"])
def test_garbage_is_unreadable(text):
    assert credential_verify(text, today=TODAY).state == "unreadable"


def test_a_damaged_code_is_never_valid():
    issued = _permit()
    middle = len(issued.text) // 2
    swapped = "A" if issued.text[middle] != "A" else "B"
    damaged = issued.text[:middle] + swapped + issued.text[middle + 1 :]
    assert credential_verify(damaged, today=TODAY).state in {"unreadable", "forged"}


def test_expired_and_not_yet_valid_permits_say_so():
    issued = _permit()
    assert credential_verify(issued.text, today=date(2027, 1, 1)).state == "expired"
    assert credential_verify(issued.text, today=date(2025, 12, 31)).state == "not_yet_valid"


def test_a_revoked_permit_shows_as_revoked_without_the_clerks_reason():
    issued = _permit()
    credential_revoke(credential_id=issued.record.credential_id, reason="vehicle sold")
    result = credential_verify(issued.text, today=TODAY)
    assert result.state == "revoked"
    assert "vehicle sold" not in repr(result)


def test_after_rotation_old_permits_still_verify_and_new_ones_use_the_new_key():
    old = _permit()
    new_key = signing_key_rotate()
    new = _permit()
    assert credential_decode(new.text).kid == new_key.kid != credential_decode(old.text).kid
    assert credential_verify(old.text, today=TODAY).state == "valid"
    assert credential_verify(new.text, today=TODAY).state == "valid"
    assert SigningKey.objects.filter(retired_at=None).count() == 1


def test_private_keys_are_not_stored_in_the_clear():
    signing_key_current()
    key = SigningKey.objects.get()
    assert len(bytes(key.private_key_encrypted)) > 32
    assert bytes(key.public_key) not in bytes(key.private_key_encrypted)


def test_the_qr_code_is_an_svg():
    svg = credential_qr_svg(_permit().text)
    assert svg.lstrip().startswith("<svg") and "<path" in svg


def test_verification_page_shows_the_verdict(client):
    issued = _permit(valid_until=date(2099, 12, 31))
    html = client.post("/pruefen/", {"code": issued.text}).content.decode()
    assert "Gültig" in html and "MA-AB 1234" in html
    credential_revoke(credential_id=issued.record.credential_id, reason="Umzug")
    html = client.post("/pruefen/", {"code": issued.text}).content.decode()
    assert "Widerrufen" in html and "Umzug" not in html  # the reason is not public


def test_verification_page_explains_an_empty_or_broken_code(client):
    html = client.post("/pruefen/", {"code": ""}).content.decode()
    assert "Scannen Sie den QR-Code oder fügen Sie seinen Text ein." in html
    html = client.post("/pruefen/", {"code": "BP1:xyz"}).content.decode()
    assert "kein lesbarer Code" in html


def test_public_keys_and_revocations_are_published_for_offline_apps(client):
    issued = _permit()
    credential_revoke(credential_id=issued.record.credential_id, reason="x")
    keys = client.get("/pruefen/schluessel.json").json()["keys"]
    assert keys[0]["alg"] == "EdDSA" and keys[0]["kid"] == credential_decode(issued.text).kid
    assert client.get("/pruefen/widerrufen.json").json() == {
        "revoked": [issued.record.credential_id],
        "suspended": [],
    }


def test_a_suspended_permit_verifies_as_suspended_until_reinstated(client):
    from buergerportal.documents.credentials import credential_reinstate, credential_suspend

    issued = _permit()
    credential_suspend(credential_id=issued.record.credential_id)
    assert credential_verify(issued.text).state == "suspended"
    html = client.post("/pruefen/", {"code": issued.text}).content.decode()
    assert "Ausgesetzt" in html and "Widerrufen" not in html
    offline = client.get("/pruefen/widerrufen.json").json()
    assert offline == {"revoked": [], "suspended": [issued.record.credential_id]}
    credential_reinstate(credential_id=issued.record.credential_id)
    assert credential_verify(issued.text, today=TODAY).state == "valid"


def test_rotate_command_names_the_new_key(capsys):
    from django.core.management import call_command

    old = _permit()
    call_command("signing_key_rotate")
    out = capsys.readouterr().out
    kid = SigningKey.objects.filter(retired_at=None).get().kid
    assert kid in out
    assert credential_verify(old.text, today=TODAY).state == "valid"
