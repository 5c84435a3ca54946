"""What approving an order creates: the order on its way to print, tied to the register entry."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from buergerportal.catalogue.definitions import ApprovalRefused

from .models import CertificateOrder


def order_answers(application: Any) -> dict[str, Any]:
    from buergerportal.catalogue.registry import service_by_slug
    from buergerportal.procedures.answers import answers_of

    service = service_by_slug(application.service_slug)
    assert service is not None  # noqa: S101  (the order's own service)
    return dict(answers_of(service, application.data))


def order_on_approve(application: Any) -> None:
    """Tie the order to the register entry it certifies (idempotent); refuse the approval if
    the register holds no such entry here any more."""
    from .lookup import entry_lookup

    if CertificateOrder.objects.filter(application=application).exists():
        return
    found = entry_lookup(
        order_answers(application), today=timezone.localdate(application.submitted_at)
    )
    if found.entry is None or not found.chargeable:
        raise ApprovalRefused(_("The register of this office holds no such entry."))
    CertificateOrder.objects.create(application=application, entry_number=found.entry.number)


def order_notice_lines(application: Any) -> list[str]:
    answers = order_answers(application)
    return [
        _("%(copies)s copies, printed from register entry %(number)s, sent by post.")
        % {
            "copies": answers.get("copies", 1),
            "number": getattr(getattr(application, "certificate_order", None), "entry_number", ""),
        }
    ]
