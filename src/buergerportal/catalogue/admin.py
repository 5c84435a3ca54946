"""The fee schedule in the admin: a unit admin keeps the fees of their own unit's services.

A fee that is in force (``valid_from`` before today) is history and cannot be changed or
deleted: a new fee is a new row from a later day. Changes are written to the audit trail.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.conf import settings
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from buergerportal.accounts.request_user import resident_from_request
from buergerportal.core.audit import audit_record
from buergerportal.core.money import euros

from .access import services_for_unit_admin
from .models import Fee
from .registry import service_by_slug

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise


class _FeeForm(forms.ModelForm):
    """The label in each configured language; the amount in euros as people type it."""

    service_slug = forms.ChoiceField(label=_("service"))
    amount = forms.DecimalField(
        label=_("amount in euros"),
        min_value=Decimal("0"),
        max_digits=9,
        decimal_places=2,
        localize=True,  # typed as the admin's language writes it: 127,50 in German
    )

    class Meta:
        model = Fee
        fields = ["service_slug", "code", "valid_from"]

    def __init__(self, *args: Any, services: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ChoiceField, self.fields["service_slug"])
        field.choices = [
            (slug, str(service.title) if (service := service_by_slug(slug)) else slug)
            for slug in services or []
        ]
        for code, _name in settings.LANGUAGES:
            self.fields[f"label_{code}"].initial = self.instance.label.get(code, "")
        if self.instance.pk:
            self.fields["amount"].initial = Decimal(self.instance.amount_cents).scaleb(-2)

    def clean_valid_from(self) -> Any:
        valid_from = self.cleaned_data["valid_from"]
        if valid_from < timezone.localdate():
            raise forms.ValidationError(
                _("A fee cannot start in the past: fees already charged stay as they were.")
            )
        return valid_from

    def save(self, commit: bool = True) -> Fee:
        fee: Fee = super().save(commit=False)
        fee.amount_cents = int(self.cleaned_data["amount"] * 100)
        fee.label = {
            code: self.cleaned_data[f"label_{code}"]
            for code, _name in settings.LANGUAGES
            if self.cleaned_data.get(f"label_{code}")
        }
        if commit:
            fee.save()
        return fee


def _label_field(code: str, name: str | StrPromise) -> forms.CharField:
    return forms.CharField(
        label=format_lazy("{} ({})", _("label"), name),
        max_length=200,
        required=code == settings.LANGUAGE_CODE,  # the fallback language must be there
    )


# One label field per configured language, declared on the class so the admin knows them.
FeeForm = type(
    "FeeForm",
    (_FeeForm,),
    {f"label_{code}": _label_field(code, name) for code, name in settings.LANGUAGES},
)


@admin.register(Fee)
class FeeAdmin(admin.ModelAdmin):
    form = FeeForm
    list_display = ["service_slug", "code", "shown_label", "shown_amount", "valid_from"]
    list_filter = ["service_slug", "code"]
    ordering = ["service_slug", "code", "-valid_from"]

    @admin.display(description=_("label"))
    def shown_label(self, fee: Fee) -> str:
        return str(fee.label_text)

    @admin.display(description=_("amount"))
    def shown_amount(self, fee: Fee) -> str:
        return euros(fee.amount_cents)

    def _services(self, request: HttpRequest) -> list[str]:
        return services_for_unit_admin(resident_from_request(request))

    def get_queryset(self, request: HttpRequest) -> QuerySet[Fee]:
        return super().get_queryset(request).filter(service_slug__in=self._services(request))

    def get_form(
        self, request: HttpRequest, obj: Fee | None = None, change: bool = False, **kwargs: Any
    ) -> Any:
        form = super().get_form(request, obj, change, **kwargs)
        services = self._services(request)

        class ScopedFeeForm(form):  # type: ignore[misc,valid-type]
            def __init__(self, *args: Any, **kw: Any) -> None:
                super().__init__(*args, services=services, **kw)

        return ScopedFeeForm

    def get_fields(self, request: HttpRequest, obj: Fee | None = None) -> Any:
        if obj is not None and not self.has_change_permission(request, obj):  # shown, read-only
            return ["service_slug", "code", "shown_label", "shown_amount", "valid_from"]
        languages = [f"label_{code}" for code, _name in settings.LANGUAGES]
        return ["service_slug", "code", *languages, "amount", "valid_from"]

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # would delete fees in force, bypassing the check
        return actions

    def has_module_permission(self, request: HttpRequest) -> bool:
        return bool(self._services(request))

    def has_view_permission(self, request: HttpRequest, obj: Fee | None = None) -> bool:
        services = self._services(request)
        return bool(services) and (obj is None or obj.service_slug in services)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return bool(self._services(request))

    def has_change_permission(self, request: HttpRequest, obj: Fee | None = None) -> bool:
        return self.has_view_permission(request, obj) and (
            obj is None or obj.valid_from >= timezone.localdate()
        )

    def has_delete_permission(self, request: HttpRequest, obj: Fee | None = None) -> bool:
        return self.has_change_permission(request, obj)

    def save_model(self, request: HttpRequest, obj: Fee, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        audit_record(
            action="catalogue.fee_changed" if change else "catalogue.fee_added",
            actor=request.user,
            obj=obj,
            data={"code": obj.code, "amount_cents": obj.amount_cents, "from": obj.valid_from},
        )

    def delete_model(self, request: HttpRequest, obj: Fee) -> None:
        audit_record(
            action="catalogue.fee_deleted",
            actor=request.user,
            obj=obj,
            data={"code": obj.code, "amount_cents": obj.amount_cents, "from": obj.valid_from},
        )
        super().delete_model(request, obj)
