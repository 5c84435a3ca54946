"""Printing a batch runs in the worker: retried safely, nothing lost when a render fails."""

from datetime import timedelta

import pytest
import time_machine
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from buergerportal.accounts.models import OrgUnit, Role
from buergerportal.core.schedule import registered_jobs
from buergerportal.services.certificates import rendering
from buergerportal.services.certificates.dispatch import batch_create
from buergerportal.services.certificates.models import CertificateOrder, DispatchBatch
from tests.engine_fixtures import login_staff
from tests.factories import staff_member

from .conftest import ANNA_BIRTH, GERTRUD_DEATH, batch_print, order


@pytest.fixture
def registrar(city):
    return staff_member(unit=OrgUnit.objects.get(slug="standesamt"), role=Role.APPROVER)


def _queued_batch(registrar):
    """A batch made by the registrar whose printing task never reached the worker."""
    with TestCase.captureOnCommitCallbacks(execute=False):
        return batch_create(unit=OrgUnit.objects.get(slug="standesamt"), by=registrar)


@pytest.mark.django_db
def test_a_rendered_batch_is_not_rendered_again(anna, registrar):
    order(anna, **ANNA_BIRTH)
    batch = batch_print(by=registrar)
    first = batch.certificates_pdf.name
    assert batch.rendered_at is not None

    assert rendering.batch_render(batch_id=batch.pk) is None  # the task retried, or twice
    batch.refresh_from_db()
    assert batch.certificates_pdf.name == first
    assert batch.render_attempts == 1


@pytest.mark.django_db
def test_failed_render_loses_nothing_and_the_sweep_prints_it_later(anna, registrar, monkeypatch):
    orders = [order(anna, **ANNA_BIRTH), order(anna, **GERTRUD_DEATH)]

    def broken(html):
        raise OSError("the worker ran out of memory")

    monkeypatch.setattr(rendering, "pdf_render", broken)
    batch = _queued_batch(registrar)
    with pytest.raises(OSError):
        rendering.batch_render(batch_id=batch.pk)
    batch.refresh_from_db()
    assert batch.rendered_at is None and batch.render_started_at is None
    assert batch.render_attempts == 1
    assert set(CertificateOrder.objects.filter(batch=batch).values_list("application", flat=True))
    assert CertificateOrder.objects.filter(batch=batch, printed_at__isnull=False).count() == 0

    monkeypatch.undo()
    assert rendering.batches_render_due() == 0  # the enqueued task is given its grace period
    with time_machine.travel(timezone.now() + timedelta(minutes=5), tick=False):
        assert rendering.batches_render_due() == 1  # the test backend renders it at once
    batch.refresh_from_db()
    assert batch.rendered_at is not None
    printed = CertificateOrder.objects.filter(batch=batch, printed_at__isnull=False)
    assert {o.application_id for o in printed} == {a.pk for a in orders}


@pytest.mark.django_db
def test_a_render_lost_with_its_worker_is_claimed_again_once_stale(anna, registrar):
    order(anna, **ANNA_BIRTH)
    batch = _queued_batch(registrar)
    DispatchBatch.objects.filter(pk=batch.pk).update(render_started_at=timezone.now())
    assert rendering.batch_render(batch_id=batch.pk) is None  # another worker holds it
    with time_machine.travel(timezone.now() + timedelta(minutes=16), tick=False):
        assert rendering.batches_render_due() == 1
    batch.refresh_from_db()
    assert batch.rendered_at is not None


@pytest.mark.django_db
def test_after_the_attempts_run_out_the_registrar_tries_again(client, anna, registrar):
    order(anna, **ANNA_BIRTH)
    batch = _queued_batch(registrar)
    DispatchBatch.objects.filter(pk=batch.pk).update(render_attempts=rendering.RENDER_ATTEMPTS_MAX)
    with time_machine.travel(timezone.now() + timedelta(hours=1), tick=False):
        assert rendering.batches_render_due() == 0
    login_staff(client, registrar)
    page = client.get(reverse("certificates:dispatch")).content.decode()
    assert "Der Druck ist fehlgeschlagen" in page
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(reverse("certificates:batch_render", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.rendered_at is not None and batch.render_attempts == 1


def test_the_sweep_is_a_periodic_job():
    assert "certificates.batches_render" in {job.name for job in registered_jobs()}
