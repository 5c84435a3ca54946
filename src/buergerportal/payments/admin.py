"""Read-only admin views: payments change only through their functions (and the audit trail)."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import (
    CollectionFile,
    CreditTransferFile,
    Mandate,
    Payment,
    PaymentItem,
    Receipt,
    Refund,
)


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class PaymentItemInline(admin.TabularInline):
    model = PaymentItem
    extra = 0
    can_delete = False
    readonly_fields = ["code", "label", "amount_cents"]


@admin.register(Payment)
class PaymentAdmin(ReadOnly):
    list_display = ["reference", "purpose", "amount_cents", "state", "method", "paid_at"]
    list_filter = ["state", "method"]
    search_fields = ["reference", "purpose", "provider_transaction_id"]
    inlines = [PaymentItemInline]


@admin.register(Refund)
class RefundAdmin(ReadOnly):
    list_display = ["payment", "amount_cents", "state", "created_at", "end_to_end_id"]
    list_filter = ["state"]


@admin.register(Receipt)
class ReceiptAdmin(ReadOnly):
    list_display = ["number", "payment", "created_at"]


@admin.register(Mandate)
class MandateAdmin(ReadOnly):
    list_display = ["reference", "signed_on", "revoked_at", "lapsed_at", "last_collected_on"]


@admin.register(CollectionFile)
class CollectionFileAdmin(ReadOnly):
    list_display = ["msg_id", "collection_date", "count", "total_cents", "booked_at"]


@admin.register(CreditTransferFile)
class CreditTransferFileAdmin(ReadOnly):
    list_display = ["msg_id", "execution_date", "count", "total_cents", "created_at"]
