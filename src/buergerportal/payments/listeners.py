"""How a payable's owner (e.g. the applications app) hears that its payment was paid or failed.

    register_payment_listener("applications.application", on_paid=..., on_failed=...)

Listeners receive the ``Payment`` and run in a background task after the booking committed
(``tasks.payment_outcome_notify``), so a slow or failing listener never undoes a booking.
Register them in the owning app's ``AppConfig.ready``. Receipt delivery (e.g. to the mailbox)
has its own hook: ``register_receipt_listener``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import Payment, Receipt

PaymentCallback = Callable[["Payment"], None]
ReceiptCallback = Callable[["Receipt"], None]


@dataclass(frozen=True)
class PaymentListener:
    on_paid: PaymentCallback
    on_failed: PaymentCallback | None = None


_payment_listeners: dict[str, list[PaymentListener]] = {}
_receipt_listeners: list[ReceiptCallback] = []


def register_payment_listener(
    payable_type: str, *, on_paid: PaymentCallback, on_failed: PaymentCallback | None = None
) -> None:
    """Call ``on_paid``/``on_failed`` for payments of ``payable_type`` ("app_label.modelname")."""
    listener = PaymentListener(on_paid=on_paid, on_failed=on_failed)
    bucket = _payment_listeners.setdefault(payable_type.lower(), [])
    if listener not in bucket:
        bucket.append(listener)


def unregister_payment_listener(payable_type: str) -> None:
    _payment_listeners.pop(payable_type.lower(), None)


def payment_listeners_for(payable_type: str) -> list[PaymentListener]:
    return list(_payment_listeners.get(payable_type.lower(), []))


def register_receipt_listener(callback: ReceiptCallback) -> None:
    """Call ``callback(receipt)`` once a receipt's PDF exists (the mailbox will implement this)."""
    if callback not in _receipt_listeners:
        _receipt_listeners.append(callback)


def unregister_receipt_listener(callback: ReceiptCallback) -> None:
    if callback in _receipt_listeners:
        _receipt_listeners.remove(callback)


def receipt_listeners() -> list[ReceiptCallback]:
    return list(_receipt_listeners)
