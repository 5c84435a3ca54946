import pytest

from buergerportal.cases.workflow import case_confirm, case_decide
from buergerportal.documents.models import Notice
from buergerportal.documents.notice import notice_issue
from tests.engine_fixtures import submit_example
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_notice_is_issued_once_even_if_the_task_runs_twice(clerk, approver):
    case = submit_example(user=UserFactory())
    case_decide(application=case, actor=clerk, decision="approve")
    case_confirm(application=case, actor=approver, agree=True)
    first = notice_issue(application_id=str(case.pk))
    second = notice_issue(application_id=str(case.pk))
    assert first == second
    assert Notice.objects.count() == 1
    assert first.pdf.read().startswith(b"%PDF")
