"""The registry office's dispatch: checked orders are printed in batches, then posted.

Printing a batch is the registrar's confirmation of every checked order in it (a person
decides; GDPR Art. 22), so each is approved by them before it is printed. Posting tells each
resident by mailbox and email.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from buergerportal.accounts.models import OrgUnit, User
from buergerportal.catalogue.definitions import ApprovalRefused
from buergerportal.core.audit import audit_record
from buergerportal.procedures.decision import application_decide
from buergerportal.procedures.models import Application, Status

from .fees import SERVICE_SLUG
from .models import CertificateOrder, DispatchBatch
from .rendering import batch_render_enqueue

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
    """Confirm up to ``limit`` ready orders of ``unit`` as one batch and queue its printing: the
    worker renders the certificates in one PDF and the cover letters in another
    (``rendering.batch_render``), for the registrar to sign, seal and post."""
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
        for application in ready:
            if application.status == Status.CHECKED:
                try:
                    application_decide(application=application, actor=by, decision="approve")
                except ApprovalRefused as refusal:  # e.g. the entry passed to the archive
                    raise DispatchError(
                        _(
                            "%(reference)s: %(reason)s Decide this order on its case page, "
                            "then print the batch."
                        )
                        % {"reference": application.reference, "reason": refusal}
                    ) from refusal
        CertificateOrder.objects.filter(application__in=ready).update(batch=batch)
        audit_record(
            action="certificates.batch_created", actor=by, obj=batch, data={"orders": len(ready)}
        )
        batch_id = batch.pk
        # The PDFs are rendered by the worker, after the commit: no row stays locked and no
        # request waits while WeasyPrint works; a lost task is enqueued again by the sweep.
        transaction.on_commit(lambda: batch_render_enqueue(batch_id))
    return batch


def batch_post(*, batch: DispatchBatch, by: User) -> DispatchBatch:
    """Signed, sealed and handed to the post: every resident in the batch is told."""
    with transaction.atomic():
        batch = DispatchBatch.objects.select_for_update().get(pk=batch.pk)
        if batch.posted_at is not None:
            raise DispatchError(_("This batch has already been posted."))
        if batch.rendered_at is None:
            raise DispatchError(_("This batch is still being printed."))
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
