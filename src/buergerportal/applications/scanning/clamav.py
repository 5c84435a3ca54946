"""ClamAV daemon (clamd) over its socket protocol: ``zINSTREAM`` with length-prefixed chunks."""

from __future__ import annotations

import socket
import struct
from typing import IO, Any

from django.conf import settings

from .base import ScannerUnavailable, ScanResult, VirusScanner

CHUNK = 64 * 1024


class ClamAVScanner(VirusScanner):
    name = "clamav"

    def __init__(self) -> None:
        self.unix_socket = settings.CLAMAV_SOCKET
        self.address = (settings.CLAMAV_HOST, settings.CLAMAV_PORT)
        self.timeout = settings.CLAMAV_TIMEOUT

    def _connect(self) -> socket.socket:
        try:
            if self.unix_socket:
                sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                sock.settimeout(self.timeout)
                sock.connect(self.unix_socket)
            else:
                sock = socket.create_connection(self.address, timeout=self.timeout)
        except OSError as exc:
            raise ScannerUnavailable(str(exc)) from exc
        return sock

    @staticmethod
    def _reply(sock: socket.socket) -> str:
        data = b""
        while not data.endswith(b"\0"):
            chunk = sock.recv(4096)
            if not chunk:
                break
            data += chunk
        return data.rstrip(b"\0").decode("utf-8", "replace").strip()

    def scan(self, stream: IO[bytes]) -> ScanResult:
        try:
            with self._connect() as sock:
                sock.sendall(b"zINSTREAM\0")
                while chunk := stream.read(CHUNK):
                    sock.sendall(struct.pack("!L", len(chunk)) + chunk)
                sock.sendall(struct.pack("!L", 0))
                reply = self._reply(sock)
        except OSError as exc:
            raise ScannerUnavailable(str(exc)) from exc
        finally:
            stream.seek(0)
        if reply.endswith("OK"):
            return ScanResult(clean=True, scanned=True)
        if reply.endswith("FOUND"):
            return ScanResult(clean=False, scanned=True, detail=reply.split(":", 1)[-1].strip())
        raise ScannerUnavailable(reply or "no reply")

    def health(self) -> tuple[bool, dict[str, Any]]:
        try:
            with self._connect() as sock:
                sock.sendall(b"zPING\0")
                ok = self._reply(sock) == "PONG"
        except (OSError, ScannerUnavailable) as exc:
            return False, {"backend": self.name, "scanning": True, "error": type(exc).__name__}
        return ok, {"backend": self.name, "scanning": True}
