"""How the test provider delivers its signed notification to the portal, server-to-server.

It posts to the notify URL through Django's own request handler in the worker process, so it
works the same under gunicorn with many workers, with a single worker, and in tests; no socket
to ``BP_SITE_URL`` is needed (and no request from the server to itself can deadlock).
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import F
from django.test import Client
from django.utils import timezone

from ..models import TestTransaction, TestTransactionStatus
from .signing import SIGNATURE_HEADER, canonical_payload, payload_sign
from .test import transaction_notification

logger = logging.getLogger(__name__)


def test_notification_send(*, transaction_id: str) -> int:
    """Send the current state of a decided transaction to its notify URL; return the HTTP status."""
    txn = TestTransaction.objects.get(pk=transaction_id)
    if txn.status == TestTransactionStatus.OPEN:
        return 0
    # the time of sending (not of the payment) is signed with the rest: a replay later is refused
    body = canonical_payload(
        {**transaction_notification(txn), "sent_at": timezone.now().isoformat()}
    )
    secret = settings.PAYMENT_PROVIDER_OPTIONS["secret"]
    url = urlsplit(txn.notify_url)
    client = Client(raise_request_exception=False)
    response = client.post(
        url.path,
        data=body,
        content_type="application/json",
        headers={SIGNATURE_HEADER: payload_sign(secret=secret, body=body)},
        secure=url.scheme == "https",
        SERVER_NAME=url.hostname or "localhost",
        SERVER_PORT=str(url.port or (443 if url.scheme == "https" else 80)),
    )
    TestTransaction.objects.filter(pk=txn.pk).update(notifications_sent=F("notifications_sent") + 1)
    logger.info("test provider notification sent", extra={"status_code": response.status_code})
    return response.status_code
