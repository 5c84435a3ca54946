"""How a payable's owner (e.g. the applications app) hears that its payment was paid or failed.

    register_payment_listener("applications.application", on_paid=..., on_failed=...)
    register_payment_listener("parking_permit.permit", on_paid=..., on_overdue=...)

Listeners receive the ``Payment`` and run in a background task after the booking committed
(``tasks.payment_outcome_notify``), so a slow or failing listener never undoes a booking.
``on_overdue`` hears that a returned direct debit was still unpaid after its deadline (e.g. to
suspend the permit it paid for). Register them in the owning app's ``AppConfig.ready``. Receipt
delivery (e.g. to the mailbox) has its own hook, ``register_receipt_listener``, and so does
telling the payer about a returned debit: ``register_return_listener``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import DebitReturn, Payment, Receipt

PaymentCallback = Callable[["Payment"], None]
ReceiptCallback = Callable[["Receipt"], None]
ReturnCallback = Callable[["DebitReturn"], None]


@dataclass(frozen=True)
class PaymentListener:
    on_paid: PaymentCallback
    on_failed: PaymentCallback | None = None
    on_overdue: PaymentCallback | None = None  # called with the returned debit's payment


_payment_listeners: dict[str, list[PaymentListener]] = {}
_receipt_listeners: list[ReceiptCallback] = []
_return_listeners: list[ReturnCallback] = []


def register_payment_listener(
    payable_type: str,
    *,
    on_paid: PaymentCallback,
    on_failed: PaymentCallback | None = None,
    on_overdue: PaymentCallback | None = None,
) -> None:
    """Call ``on_paid``/``on_failed``/``on_overdue`` for payments of ``payable_type``
    ("app_label.modelname")."""
    listener = PaymentListener(on_paid=on_paid, on_failed=on_failed, on_overdue=on_overdue)
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


def register_return_listener(callback: ReturnCallback) -> None:
    """Call ``callback(debit_return)`` once per returned debit, to tell the payer (the
    notifications app does: mailbox and email, with the link to pay online)."""
    if callback not in _return_listeners:
        _return_listeners.append(callback)


def unregister_return_listener(callback: ReturnCallback) -> None:
    if callback in _return_listeners:
        _return_listeners.remove(callback)


def return_listeners() -> list[ReturnCallback]:
    return list(_return_listeners)


@dataclass(frozen=True)
class Holding:
    """What the payer now has for a booked payment, said on the page the provider sends them back
    to: ``headline`` ("Your permit is in your mailbox."), and a link to it."""

    headline: str
    link_label: str
    url: str
    details: tuple[str, ...] = ()  # e.g. the documents' file names


HoldingReader = Callable[["Payment"], Holding | None]
_holding_readers: dict[str, HoldingReader] = {}


def payment_holding_register(payable_type: str, reader: HoldingReader) -> None:
    """``reader(payment)`` says what a booked payment for ``payable_type`` gave the payer (or
    None); the payable's owner registers it in its ``AppConfig.ready``."""
    _holding_readers[payable_type.lower()] = reader


def payment_holding_unregister(payable_type: str) -> None:
    _holding_readers.pop(payable_type.lower(), None)


def payment_holding(payment: Payment) -> Holding | None:
    """What the payer now has for this payment: None until it is booked or if nobody says."""
    if not payment.is_booked:
        return None
    reader = _holding_readers.get(f"{payment.payable_type.app_label}.{payment.payable_type.model}")
    return reader(payment) if reader is not None else None
