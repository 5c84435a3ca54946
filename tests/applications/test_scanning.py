import os
import socket
import struct
import tempfile
import threading

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from buergerportal.applications import scanning
from buergerportal.applications.uploads import upload_validate
from tests.engine_fixtures import PDF

pytestmark = pytest.mark.django_db


class FakeClamd:
    """Speaks clamd's zINSTREAM and zPING; finds 'EICAR' in a stream."""

    def __init__(self):
        self.path = os.path.join(tempfile.mkdtemp(), "clamd.sock")
        self.server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.server.bind(self.path)
        self.server.listen(5)
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            conn, _ = self.server.accept()
            with conn:
                command = b""
                while not command.endswith(b"\0"):
                    command += conn.recv(1)
                if command == b"zPING\0":
                    conn.sendall(b"PONG\0")
                    continue
                data = b""
                while True:
                    size = struct.unpack("!L", self._read(conn, 4))[0]
                    if not size:
                        break
                    data += self._read(conn, size)
                found = b"EICAR" in data
                conn.sendall(b"stream: Eicar-Signature FOUND\0" if found else b"stream: OK\0")

    @staticmethod
    def _read(conn, n):
        buf = b""
        while len(buf) < n:
            buf += conn.recv(n - len(buf))
        return buf


@pytest.fixture
def clamd(settings):
    fake = FakeClamd()
    settings.CLAMAV_SOCKET = fake.path
    settings.VIRUS_SCANNER = "buergerportal.applications.scanning.clamav.ClamAVScanner"
    scanning._scanner.cache_clear()
    yield fake
    scanning._scanner.cache_clear()


def test_clamav_lets_a_clean_file_through(clamd):
    assert upload_validate(SimpleUploadedFile("a.pdf", PDF)) == "application/pdf"


def test_clamav_finding_is_reported_to_the_resident(clamd):
    with pytest.raises(ValidationError, match="enthält einen Virus"):
        upload_validate(SimpleUploadedFile("a.pdf", PDF + b"EICAR"))


def test_an_unreachable_scanner_refuses_the_upload(settings):
    settings.CLAMAV_SOCKET = "/nonexistent/clamd.sock"
    settings.VIRUS_SCANNER = "buergerportal.applications.scanning.clamav.ClamAVScanner"
    scanning._scanner.cache_clear()
    try:
        with pytest.raises(ValidationError, match="nicht auf Viren prüfen"):
            upload_validate(SimpleUploadedFile("a.pdf", PDF))
        assert scanning.scanner_health()[0] is False
    finally:
        scanning._scanner.cache_clear()


@pytest.mark.django_db
def test_healthz_says_honestly_that_nothing_is_scanned(client):
    scanning._scanner.cache_clear()
    report = client.get(reverse("healthz")).json()
    assert report["checks"]["virus_scanner"]["scanning"] is False


def test_healthz_reports_a_reachable_clamav(clamd):
    ok, details = scanning.scanner_health()
    assert ok and details["backend"] == "clamav"
