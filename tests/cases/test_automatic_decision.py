import dataclasses

import pytest

from buergerportal.catalogue import registry
from buergerportal.catalogue.definitions import Workflow
from buergerportal.documents.models import Notice
from tests.applications.example_service import TEST_LEGAL_BASIS
from tests.engine_fixtures import submit_example
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def automatic(example_service):
    service = dataclasses.replace(
        example_service,
        workflow=Workflow(may_decide_automatically=True, legal_basis=TEST_LEGAL_BASIS),
    )
    registry.service_register(service)
    return service


def test_a_green_case_is_approved_automatically_where_the_service_allows_it(
    automatic, unit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        application = submit_example(user=UserFactory())
    application.refresh_from_db()
    assert application.status == "approved"
    assert application.events.filter(kind="approved", actor__isnull=True).exists()
    assert Notice.objects.filter(application=application).exists()


def test_a_failed_check_goes_to_a_clerk_even_where_automatic_decisions_are_allowed(automatic, unit):
    application = submit_example(user=UserFactory(), children=0)
    application.refresh_from_db()
    assert application.status == "submitted"
