"""GDPR Art. 15: a resident downloads everything the portal holds about them in one archive."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.files.base import ContentFile
from django.urls import reverse

from buergerportal.core.models import AuditEntry
from buergerportal.notifications.models import Attachment, Message
from buergerportal.privacy.models import DataAccess
from tests.engine_fixtures import PDF, login_staff, submit_example
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _download(client, user) -> zipfile.ZipFile:
    client.force_login(user)
    response = client.post(reverse("privacy:export"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "meine-daten-" in response["Content-Disposition"]
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_the_archive_holds_the_account_applications_messages_and_documents(client, clerk):
    resident = UserFactory(first_name="Erika", phone="0621 1234567")
    application = submit_example(user=resident)
    application.uploads.create(
        evidence_slug="decision_letter",
        original_name="bescheid.pdf",
        content_type="application/pdf",
        size=len(PDF),
        file=ContentFile(PDF, name="bescheid.pdf"),
    )
    message = Message.objects.create(
        recipient=resident, application=application, subject="Ihr Bescheid", body="Anbei."
    )
    Attachment.objects.create(
        message=message, file=ContentFile(b"%PDF-notice", name="notice.pdf"), filename="n.pdf"
    )
    login_staff(client, clerk).get(reverse("cases:case", args=[application.pk]))

    archive = _download(client, resident)
    data = json.loads(archive.read("daten.json"))["daten"]
    assert data["accounts.user"][0]["phone"] == "0621 1234567"
    assert [a["reference"] for a in data["applications.application"]] == [application.reference]
    assert data["notifications.message"][0]["subject"] == "Ihr Bescheid"
    assert any(r["action"] == "case.viewed" for r in data["privacy.dataaccess"])
    upload_name = data["applications.upload"][0]["file"]
    assert archive.read(upload_name) == PDF
    assert archive.read(data["notifications.attachment"][0]["file"]) == b"%PDF-notice"
    assert AuditEntry.objects.filter(action="account.data_exported").count() == 1
    assert DataAccess.objects.filter(resident=resident, action="account.exported").exists()


def test_the_archive_holds_nothing_of_other_people_and_no_secrets(client, unit):
    resident, other = UserFactory(), UserFactory(first_name="Fremd")
    other_application = submit_example(user=other)
    TOTP.activate(resident, generate_totp_secret())
    archive = _download(client, resident)
    text = archive.read("daten.json").decode()
    assert other_application.reference not in text
    assert other.email not in text
    assert "pbkdf2" not in text and "md5$" not in text  # no password hash
    assert '"secret"' not in text  # the TOTP secret stays out
    assert json.loads(text)["daten"]["mfa.authenticator"][0]["type"] == "totp"


def test_the_export_page_needs_a_login_and_explains_first(client):
    assert client.get(reverse("privacy:export")).status_code == 302
    client.force_login(UserFactory())
    page = client.get(reverse("privacy:export")).content.decode()
    assert "Art. 15" in page and "daten.json" in page
