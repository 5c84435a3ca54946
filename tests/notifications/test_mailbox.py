import pytest
from django.urls import reverse

from buergerportal.notifications.mailbox import message_deliver
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_message_is_visible_only_to_its_recipient(client):
    owner, other = UserFactory(), UserFactory()
    message = message_deliver(
        recipient=owner,
        subject="Ihr Bescheid",
        body="Anbei.",
        attachments=(("b.pdf", b"%PDF-1.4", "application/pdf"),),
    )
    client.force_login(other)
    assert client.get(reverse("notifications:message", args=[message.pk])).status_code == 404
    client.force_login(owner)
    assert (
        "Ihr Bescheid"
        in client.get(reverse("notifications:message", args=[message.pk])).content.decode()
    )
    message.refresh_from_db()
    assert message.read_at is not None
