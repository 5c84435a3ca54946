from django.contrib import admin

from .models import AccessibilityFeedback, AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "timestamp",
        "action",
        "actor_kind",
        "actor_id",
        "object_type",
        "object_id",
    ]
    list_filter = ["action", "actor_kind"]
    search_fields = ["object_id", "request_id"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AccessibilityFeedback)
class AccessibilityFeedbackAdmin(admin.ModelAdmin):
    list_display = ["created_at", "page_url", "handled"]
    list_filter = ["handled"]
