"""The notice (Bescheid): rendered from an HTML template to PDF with WeasyPrint, then delivered."""

from __future__ import annotations

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from buergerportal.applications.models import Application, Status
from buergerportal.applications.steps import answer_summary
from buergerportal.catalogue.definitions import ServiceDefinition
from buergerportal.catalogue.registry import service_by_slug
from buergerportal.core.pdf import pdf_render

from .models import Notice


def notice_render(*, application: Application) -> bytes:
    """The notice as PDF bytes, in the language the resident applied in."""
    from buergerportal.procedures.decision import application_decided_automatically

    service = service_by_slug(application.service_slug)
    automatic = application_decided_automatically(application)
    with translation.override(application.language):
        html = render_to_string(
            "documents/notice.html",
            {
                "application": application,
                "service": service,
                "approved": application.status == Status.APPROVED,
                "answers": answer_summary(service, application.data) if service else [],
                "granted": service.notice_lines(application)
                if service and service.notice_lines and application.status == Status.APPROVED
                else [],
                "automatic": automatic,
                "assessed": fee_assessment(application),
                "legal_basis": service.workflow.legal_basis if service else None,
                "city": settings.CITY_NAME,
                "unit": application.unit,
                "today": timezone.localdate(),
            },
        )
    return pdf_render(html)


def fee_assessment(application: Application) -> dict[str, object] | None:
    """For a fee the notice assesses (``Charging.BY_NOTICE``): how and by when it is paid."""
    from buergerportal.payments.access import payments_for_payable
    from buergerportal.payments.models import PaymentMethod

    if application.status != Status.APPROVED or application.fee_cents <= 0:
        return None
    payment = payments_for_payable(application).first()
    if payment is None or application.paid_at is not None:
        return None
    if payment.method == PaymentMethod.SEPA_DEBIT:
        from buergerportal.payments.sepa.prenotification import debit_prenotification

        return {
            "by_debit": True,
            "due": payment.direct_debit.due_on,
            "prenotification": debit_prenotification(payment=payment),
        }
    from buergerportal.procedures.assessment import fee_due_on

    service = service_by_slug(application.service_slug)
    if service is None:
        return None
    return {"by_debit": False, "due": fee_due_on(application=application, service=service)}


def _notice_message(application: Application, service: ServiceDefinition | None) -> tuple[str, str]:
    """Subject and body of the message carrying the notice, in the active language."""
    if application.status == Status.APPROVED and service and service.approval_message:
        subject, body = service.approval_message
        return subject.format({"reference": application.reference}), str(body)
    return (
        _("Notice on your application %(ref)s") % {"ref": application.reference},
        _("Please find the notice on your application attached."),
    )


def notice_issue(*, application_id: str) -> Notice | None:
    """Create the notice once, put it in the applicant's mailbox and announce it by email."""
    from buergerportal.notifications.mailbox import message_deliver
    from buergerportal.notifications.tasks import application_email_send
    from buergerportal.procedures.lifecycle import EventKind, case_event_record

    with transaction.atomic():
        application = (
            Application.objects.select_for_update(of=("self",))
            .select_related("unit", "applicant")
            .filter(pk=application_id)
            .first()
        )
        if application is None or application.status not in (Status.APPROVED, Status.REJECTED):
            return None
        existing = Notice.objects.filter(application=application).first()
        if existing is not None:
            return existing
        pdf = notice_render(application=application)
        filename = f"Bescheid-{application.reference}.pdf"
        attachments = [(filename, pdf, "application/pdf")]
        service = service_by_slug(application.service_slug)
        if application.status == Status.APPROVED and service and service.result_documents:
            attachments += service.result_documents(application)
        notice = Notice.objects.create(
            application=application,
            decision=application.status,
            pdf=ContentFile(pdf, name=filename),
        )
        if application.applicant is not None:
            with translation.override(application.language):
                subject, body = _notice_message(application, service)
                message_deliver(
                    recipient=application.applicant,
                    application=application,
                    subject=subject,
                    body=body,
                    attachments=tuple(attachments),
                )
        case_event_record(application=application, kind=EventKind.NOTICE_ISSUED)
        app_id = str(application.pk)
        transaction.on_commit(
            lambda: application_email_send.enqueue(application_id=app_id, kind="decided")
        )
    return notice
