"""Printing a batch in the background worker: the certificates and the cover letters of a batch
rendered as two PDFs, outside the registrar's request (a batch of 500 takes minutes).

Safe to run again: a render first claims the batch (row lock), does nothing if the batch is
already rendered or another worker rendered it within ``RENDER_STALE_AFTER``, and stamps it
only once both PDFs are stored. A render that failed releases its claim; one lost with its
worker is claimed again once stale. ``batches_render_due`` (a periodic job) enqueues every
batch still waiting, so a task lost between the commit and the queue is not lost either. After
``RENDER_ATTEMPTS_MAX`` failed attempts a batch waits for the registrar's "try again".
"""

from __future__ import annotations

from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from buergerportal.core.audit import audit_record
from buergerportal.core.pdf import pdf_render

from .models import CertificateOrder, DispatchBatch
from .printing import certificates_html, letters_html, order_pages

RENDER_STALE_AFTER = timedelta(minutes=15)
RENDER_QUEUED_GRACE = timedelta(minutes=2)  # the task enqueued on commit is given this long
RENDER_ATTEMPTS_MAX = 5


def batch_render_enqueue(batch_id: int) -> None:
    from .tasks import batch_render_task

    batch_render_task.enqueue(batch_id=batch_id)


def _claim(batch_id: int) -> DispatchBatch | None:
    with transaction.atomic():
        batch = DispatchBatch.objects.select_for_update().filter(pk=batch_id).first()
        now = timezone.now()
        if batch is None or batch.rendered_at is not None:
            return None
        if batch.render_started_at and batch.render_started_at > now - RENDER_STALE_AFTER:
            return None  # another worker is rendering it
        batch.render_started_at = now
        batch.render_attempts += 1
        batch.save(update_fields=["render_started_at", "render_attempts"])
    return batch


def batch_orders(batch: DispatchBatch) -> list[CertificateOrder]:
    """The batch's orders in a stable order (oldest payment first), certificates and letters
    alike, so that the registrar finds each letter in the same place as its certificate."""
    return list(
        batch.orders.select_related("application").order_by(
            "application__paid_at", "application__submitted_at", "pk"
        )
    )


def batch_render(*, batch_id: int) -> DispatchBatch | None:
    """Render the batch's two PDFs (idempotent); returns the batch if this call rendered it."""
    batch = _claim(batch_id)
    if batch is None:
        return None
    try:
        orders = batch_orders(batch)
        certificates = pdf_render(certificates_html(order_pages(orders)))
        letters = pdf_render(letters_html(orders))
    except Exception:
        DispatchBatch.objects.filter(pk=batch_id).update(render_started_at=None)
        raise
    with transaction.atomic():
        locked = DispatchBatch.objects.select_for_update().get(pk=batch_id)
        if locked.rendered_at is not None:
            return None  # a stale claim's worker finished after all
        locked.certificates_pdf.save(
            f"urkunden-{locked.pk}.pdf", ContentFile(certificates), save=False
        )
        locked.letters_pdf.save(f"anschreiben-{locked.pk}.pdf", ContentFile(letters), save=False)
        locked.rendered_at = timezone.now()
        locked.save(update_fields=["certificates_pdf", "letters_pdf", "rendered_at"])
        locked.orders.update(printed_at=locked.rendered_at)
        audit_record(action="certificates.batch_printed", obj=locked, data={"orders": len(orders)})
    return locked


def batches_render_due() -> int:
    """Periodic: enqueue every batch still waiting for its PDFs whose task may have been lost
    (never claimed after the grace period, or claimed and stale); returns how many."""
    now = timezone.now()
    due = DispatchBatch.objects.filter(
        rendered_at__isnull=True, render_attempts__lt=RENDER_ATTEMPTS_MAX
    ).filter(
        Q(render_started_at__isnull=True, created_at__lt=now - RENDER_QUEUED_GRACE)
        | Q(render_started_at__lt=now - RENDER_STALE_AFTER)
    )
    ids = list(due.values_list("pk", flat=True))
    for batch_id in ids:
        batch_render_enqueue(batch_id)
    return len(ids)


def batch_render_retry(*, batch: DispatchBatch, by: object) -> None:
    """The registrar's "try again" after the attempts ran out: a fresh set of attempts."""
    with transaction.atomic():
        updated = DispatchBatch.objects.filter(
            pk=batch.pk, rendered_at__isnull=True, render_attempts__gte=RENDER_ATTEMPTS_MAX
        ).update(render_attempts=0, render_started_at=None)
        if updated:
            audit_record(action="certificates.batch_render_retried", actor=by, obj=batch, data={})
            transaction.on_commit(lambda: batch_render_enqueue(batch.pk))
