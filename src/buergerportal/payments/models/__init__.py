"""The payments app's models: payments and their fee items, receipts, refunds, SEPA mandates,
collection files and credit-transfer files, returned debits, and the test provider's own ledger."""

from .payment import Payment, PaymentItem, PaymentMethod, PaymentState, Receipt
from .refund import Refund, RefundState
from .returns import DebitReturn, ReturnFile
from .sepa import CollectionFile, CreditTransferFile, DirectDebit, DirectDebitState, Mandate
from .test_provider import TestTransaction, TestTransactionStatus

__all__ = [
    "CollectionFile",
    "CreditTransferFile",
    "DebitReturn",
    "DirectDebit",
    "DirectDebitState",
    "Mandate",
    "Payment",
    "PaymentItem",
    "PaymentMethod",
    "PaymentState",
    "Receipt",
    "Refund",
    "RefundState",
    "ReturnFile",
    "TestTransaction",
    "TestTransactionStatus",
]
