"""The contract every payment provider implements.

Modelled on German public-sector ePayment platforms (e.g. ePayBL, pmPayment, GiroCheckout): the
portal starts a payment and redirects the payer to the provider; the provider calls the portal back
server-to-server with a signed notification; the payer returns to the portal's result page, which
shows the state the portal has stored (never what the return URL's query says). For payments whose
notification never arrives the portal asks the provider for the status.
"""

from __future__ import annotations

import abc
import enum
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..models import Payment


class ProviderStatus(enum.StrEnum):
    PAID = "paid"
    FAILED = "failed"
    CANCELLED = "cancelled"
    PENDING = "pending"


@dataclass(frozen=True)
class StartResult:
    redirect_url: str  # where the payer's browser goes next
    provider_reference: str  # the provider's id of this payment session


@dataclass(frozen=True)
class Notification:
    """A verified server-to-server notification, or a status answer."""

    payment_reference: str
    status: ProviderStatus
    amount_cents: int
    currency: str
    transaction_id: str = ""  # the provider's unique id of the money movement
    # when the provider sent it, covered by its signature; a callback without one is refused
    sent_at: datetime | None = None


@dataclass(frozen=True)
class RefundResult:
    refund_id: str


class InvalidNotification(Exception):
    """The notification is not signed by the provider, or is not well formed."""


class ProviderError(Exception):
    """The provider could not be reached or refused the request."""


class PaymentProvider(abc.ABC):
    """One provider. Instances are made by ``registry.payment_provider()`` with the options from
    ``PAYMENT_PROVIDER_OPTIONS`` (secret, merchant id, API URL — all from the environment)."""

    #: stored on each payment, so a later change of provider still knows who took the money
    key: str = ""
    #: shown to staff
    label: str = ""

    def __init__(self, *, options: Mapping[str, Any]) -> None:
        self.options = options

    @abc.abstractmethod
    def start(self, *, payment: Payment, return_url: str, notify_url: str) -> StartResult:
        """Register the payment with the provider; return where to send the payer."""

    @abc.abstractmethod
    def parse_notification(self, *, body: bytes, headers: Mapping[str, str]) -> Notification:
        """Verify the signature of a callback and parse it, with the signed time it was sent
        (``sent_at``; the portal refuses stale ones). Raise ``InvalidNotification``."""

    @abc.abstractmethod
    def query_status(self, *, payment: Payment) -> Notification:
        """Ask the provider what became of a payment (for lost notifications)."""

    @abc.abstractmethod
    def refund(self, *, payment: Payment, amount_cents: int, refund_reference: str) -> RefundResult:
        """Pay ``amount_cents`` of a booked payment back. Raise ``ProviderError`` on failure."""

    def answers(self) -> bool:
        """For the health checks: whether the provider can be reached. An adapter with a cheap
        status call overrides this; the default counts a configured provider as answering."""
        return True

    def payer_page_url(self, *, payment: Payment) -> str | None:
        """A page of the provider the payer may open again (only the test provider has one)."""
        return None
