"""The resident's order pages and the registry office's dispatch page."""

import pytest
from django.urls import reverse
from django.utils import timezone

from buergerportal.accounts.models import OrgUnit, Role
from buergerportal.services.certificates.models import DispatchBatch
from tests.engine_fixtures import login_staff
from tests.factories import staff_member

from .conftest import ANNA_BIRTH, batch_print, order


@pytest.fixture
def registrar(city):
    return staff_member(unit=OrgUnit.objects.get(slug="standesamt"), role=Role.APPROVER)


@pytest.mark.django_db
def test_status_page_shows_each_step_with_its_date_and_the_reference(client, anna, registrar):
    application = order(anna, **ANNA_BIRTH)
    today = timezone.localdate().strftime("%d.%m.%Y")  # the pinned clock's day
    client.force_login(anna)
    page = client.get(reverse("certificates:detail", args=[application.pk])).content.decode()
    assert application.reference in page
    assert f"Bezahlt: {today}" in page and f"Geprüft: {today}" in page
    assert "Gedruckt: noch nicht" in page
    batch_print(by=registrar)
    page = client.get(reverse("certificates:detail", args=[application.pk])).content.decode()
    assert f"Gedruckt: {today}" in page and "Versandt: noch nicht" in page


@pytest.mark.django_db
def test_cover_letter_downloadable_once_printed_certificate_never(client, anna, registrar):
    application = order(anna, **ANNA_BIRTH)
    client.force_login(anna)
    letter = reverse("certificates:cover_letter", args=[application.pk])
    assert client.get(letter).status_code == 404
    batch = batch_print(by=registrar)
    response = client.get(letter)
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert client.get(reverse("certificates:batch_pdf", args=[batch.pk])).status_code == 404


@pytest.mark.django_db
def test_another_resident_sees_nothing_of_the_order(client, anna, lena):
    application = order(anna, **ANNA_BIRTH)
    client.force_login(lena)
    assert client.get(reverse("certificates:detail", args=[application.pk])).status_code == 404
    assert application.reference not in client.get(reverse("certificates:list")).content.decode()


@pytest.mark.django_db
def test_registrar_prints_a_batch_in_the_background_and_marks_it_posted(client, anna, registrar):
    from django.test import TestCase

    order(anna, **ANNA_BIRTH)
    login_staff(client, registrar)
    page = client.get(reverse("certificates:dispatch")).content.decode()
    assert "1 geprüfte Bestellung wartet auf den Druck" in page
    with TestCase.captureOnCommitCallbacks(execute=False) as queued:
        response = client.post(reverse("certificates:dispatch"), {"size": "10"})
    assert response.status_code == 302
    batch = DispatchBatch.objects.get()
    # The request only queued the printing: the page says so and offers no PDF yet
    page = client.get(reverse("certificates:dispatch")).content.decode()
    assert "Wird gedruckt seit" in page
    assert client.get(reverse("certificates:batch_pdf", args=[batch.pk])).status_code == 404
    client.post(reverse("certificates:batch_posted", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.posted_at is None
    for callback in queued:  # the worker's turn
        callback()
    page = client.get(reverse("certificates:dispatch")).content.decode()
    assert "Gedruckt am" in page and "Wird gedruckt" not in page
    assert client.get(reverse("certificates:batch_pdf", args=[batch.pk]))["Content-Type"] == (
        "application/pdf"
    )
    client.post(reverse("certificates:batch_posted", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.posted_at is not None


@pytest.mark.django_db
def test_batch_size_out_of_range_is_refused(client, anna, registrar):
    login_staff(client, registrar)
    response = client.post(reverse("certificates:dispatch"), {"size": "0"})
    assert response.status_code == 200
    assert "Zwischen 1 und 500" in response.content.decode()
    assert not DispatchBatch.objects.exists()


@pytest.mark.django_db
def test_staff_of_another_unit_cannot_see_batches(client, anna, registrar):
    order(anna, **ANNA_BIRTH)
    batch = batch_print(by=registrar)
    from tests.factories import OrgUnitFactory

    other = staff_member(unit=OrgUnitFactory(slug="buergerservice"), role=Role.CLERK)
    login_staff(client, other)
    assert client.get(reverse("certificates:batch_pdf", args=[batch.pk])).status_code == 404
    assert client.post(reverse("certificates:batch_posted", args=[batch.pk])).status_code == 404
