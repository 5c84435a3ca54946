"""What a resident has after paying an application's fee, said on the page the payment provider
sends them back to (``payments.listeners.payment_holding_register``): the notice and what it
grants (a permit) in the mailbox, or, while the case is worked, the application's status page."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from buergerportal.applications.models import Application, Status
from buergerportal.catalogue.registry import service_by_slug
from buergerportal.payments.listeners import Holding
from buergerportal.payments.models import Payment

from .models import Message


def application_holding(payment: Payment) -> Holding | None:
    application = Application.objects.filter(pk=payment.payable_id).first()
    if application is None:
        return None
    service = service_by_slug(application.service_slug)
    title = str(service.title) if service is not None else application.reference
    decided = (
        Message.objects.filter(
            application=application, attachments__filename__startswith="Bescheid-"
        )
        .order_by("-created_at")
        .first()
    )
    if decided is not None and application.status in (Status.APPROVED, Status.REJECTED):
        headline = (
            _("%(service)s: your notice and documents are in your mailbox.")
            if application.status == Status.APPROVED
            else _("%(service)s: the notice on your application is in your mailbox.")
        )
        return Holding(
            headline=headline % {"service": title},
            link_label=_("Open them in your mailbox"),
            url=reverse("notifications:message", args=[decided.pk]),
            details=tuple(decided.attachments.values_list("filename", flat=True)),
        )
    return Holding(
        headline=_(
            "%(service)s: your application %(reference)s is paid and is being worked on. "
            "The notice will come to your mailbox."
        )
        % {"service": title, "reference": application.reference},
        link_label=_("See your application and its status"),
        url=reverse("applications:detail", args=[application.pk]),
    )
