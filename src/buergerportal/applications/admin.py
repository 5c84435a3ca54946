"""Admin for configuration only; daily work happens in the back office (``/sachbearbeitung/``)."""

from django.contrib import admin

from .models import ReferenceSequence


@admin.register(ReferenceSequence)
class ReferenceSequenceAdmin(admin.ModelAdmin):
    list_display = ["year", "last"]
