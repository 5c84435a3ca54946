"""The registry office's dispatch: checked orders are printed in batches, then posted.

Printing a batch is the registrar's confirmation of every checked order in it (a person
decides; GDPR Art. 22), so each is approved by them before it is printed. Posting tells each
resident by mailbox and email.
"""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from buergerportal.accounts.models import OrgUnit, User
from buergerportal.core.audit import audit_record
from buergerportal.procedures.decision import application_decide
from buergerportal.procedures.models import Application, Status

from .fees import SERVICE_SLUG
from .models import CertificateOrder, DispatchBatch
from .printing import certificates_html, letters_html, order_pages, pdf_render

BATCH_MAX = 500


class DispatchError(Exception):
    """The batch cannot be made or posted; the message is for the registrar."""


def orders_ready(*, units: QuerySet[OrgUnit]) -> QuerySet[Application]:
    """Paid and checked orders (or approved by a registrar) of these units, not yet printed,
    oldest payment first."""
    return (
        Application.objects.filter(
            service_slug=SERVICE_SLUG,
            unit__in=units,
            status__in=(Status.CHECKED, Status.APPROVED),
        )
        .exclude(certificate_order__batch__isnull=False)
        .order_by("paid_at", "submitted_at")
    )


def batch_create(*, unit: OrgUnit, by: User, limit: int = BATCH_MAX) -> DispatchBatch:
    """Confirm and print up to ``limit`` ready orders of ``unit`` as one batch: the certificates
    in one PDF and the cover letters in another, for the registrar to sign, seal and post."""
    limit = max(1, min(limit, BATCH_MAX))
    with transaction.atomic():
        ready = list(
            # only the applications are locked (PostgreSQL locks no outer-joined side)
            orders_ready(units=OrgUnit.objects.filter(pk=unit.pk)).select_for_update(of=("self",))[
                :limit
            ]
        )
        if not ready:
            raise DispatchError(_("No orders are waiting to be printed."))
        batch = DispatchBatch.objects.create(unit=unit, created_by=by)
        orders = []
        for application in ready:
            if application.status == Status.CHECKED:
                application = application_decide(
                    application=application, actor=by, decision="approve"
                )
            order = CertificateOrder.objects.get(application=application)
            order.application = application
            orders.append(order)
        now = timezone.now()
        CertificateOrder.objects.filter(pk__in=[o.pk for o in orders]).update(
            batch=batch, printed_at=now
        )
        for order in orders:
            order.printed_at = now
        audit_record(
            action="certificates.batch_printed", actor=by, obj=batch, data={"orders": len(orders)}
        )
    # Rendered after the commit: no row stays locked while WeasyPrint works.
    batch_render(batch=batch, orders=orders)
    return batch


def batch_render(*, batch: DispatchBatch, orders: list[CertificateOrder]) -> None:
    certificates = pdf_render(certificates_html(order_pages(orders)))
    letters = pdf_render(letters_html(orders))
    batch.certificates_pdf.save(f"urkunden-{batch.pk}.pdf", ContentFile(certificates), save=False)
    batch.letters_pdf.save(f"anschreiben-{batch.pk}.pdf", ContentFile(letters), save=False)
    batch.save(update_fields=["certificates_pdf", "letters_pdf"])


def batch_post(*, batch: DispatchBatch, by: User) -> DispatchBatch:
    """Signed, sealed and handed to the post: every resident in the batch is told."""
    with transaction.atomic():
        batch = DispatchBatch.objects.select_for_update().get(pk=batch.pk)
        if batch.posted_at is not None:
            raise DispatchError(_("This batch has already been posted."))
        batch.posted_at, batch.posted_by = timezone.now(), by
        batch.save(update_fields=["posted_at", "posted_by"])
        batch.orders.update(posted_at=batch.posted_at)
        audit_record(action="certificates.batch_posted", actor=by, obj=batch, data={})
        ids = list(batch.orders.values_list("pk", flat=True))
        transaction.on_commit(lambda: _tell_residents(ids))
    return batch


def _tell_residents(order_ids: list[int]) -> None:
    from .tasks import order_posted_tell_task

    for order_id in order_ids:
        order_posted_tell_task.enqueue(order_id=order_id)


def order_posted_tell(*, order_id: int) -> None:
    """Mailbox message and an email naming only the reference (idempotent per order)."""
    from django.conf import settings
    from django.core.mail import send_mail

    from buergerportal.notifications.models import Message

    order = CertificateOrder.objects.select_related("application__applicant").get(pk=order_id)
    application = order.application
    if application.applicant is None or order.posted_at is None:
        return
    with translation.override(application.language):
        subject = _("Your certificate has been posted (%(reference)s)") % {
            "reference": application.reference
        }
        if Message.objects.filter(application=application, subject=subject).exists():
            return
        from buergerportal.notifications.mailbox import message_deliver

        body = _(
            "The registry office posted your certificate on %(date)s. The cover letter is on "
            "your order's page; the certificate itself comes only by post."
        ) % {"date": timezone.localtime(order.posted_at).strftime("%d.%m.%Y")}
        message_deliver(
            recipient=application.applicant, subject=subject, body=body, application=application
        )
        send_mail(
            subject,
            _("There is a new message in your mailbox at %(url)s.") % {"url": settings.SITE_URL},
            None,
            [application.applicant.email],
        )
