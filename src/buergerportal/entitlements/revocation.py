"""Revocation with due process (VwVfG §28 hearing, §49 revocation, right to object).

1. A clerk starts a revocation with a reason: the holder is told at once (mailbox and email)
   the reason, the deadline to respond (``ENTITLEMENT_REVOCATION_RESPONSE_DAYS``) and how; the
   entitlement stays valid meanwhile.
2. The holder may answer once, in their account (``revocation_respond``); the clerk sees it.
3. After the answer, or once the deadline has passed, the clerk decides (``revocation_decide``):
   revoke — the holder receives a notice (PDF) with the reason and the right to object within
   one month — or drop it, and the holder is told so.

An *urgent* revocation (a forged or misused permit) is decided at once, with the notice. The
public verification page then says only "revoked": the reason is for the holder and staff.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from buergerportal.accounts.models import User
from buergerportal.core.audit import audit_record
from buergerportal.notifications.mailbox import message_deliver

from .kinds import entitlement_kind_of
from .models import Entitlement, Revocation
from .notice import revocation_notice_render

MAX_RESPONSE_LENGTH = 2000


class RevocationRefused(Exception):
    """The step is not allowed now; the message says why, for the clerk or the holder."""


def _tell(
    revocation: Revocation,
    *,
    subject: str,
    body: str,
    attachments: tuple[tuple[str, bytes, str], ...] = (),
) -> None:
    """Mailbox and email. Not tied to the application: the entitlement outlives it."""
    user = revocation.holder
    if user is None:
        return
    message_deliver(recipient=user, subject=subject, body=body, attachments=attachments)
    if user.email:
        transaction.on_commit(
            partial(send_mail, subject, body, None, [user.email], fail_silently=True)
        )


def _locked(entitlement: Entitlement) -> Entitlement:
    return type(entitlement)._default_manager.select_for_update().get(pk=entitlement.pk)


def _revoke_with_notice(revocation: Revocation, entitlement: Entitlement, actor: Any) -> None:
    kind = entitlement_kind_of(entitlement)
    kind.revoke(entitlement=entitlement, reason=revocation.reason, actor=actor)
    revocation.status = Revocation.Status.REVOKED
    revocation.decided_by = actor
    revocation.decided_at = timezone.now()
    with translation.override(entitlement.language):
        pdf = revocation_notice_render(revocation=revocation, entitlement=entitlement, kind=kind)
        filename = f"Widerrufsbescheid-{entitlement.reference}.pdf"
        revocation.notice.save(filename, ContentFile(pdf), save=False)
        revocation.save()
        _tell(
            revocation,
            subject=_("Notice: your %(title)s %(reference)s is revoked")
            % {"title": kind.title, "reference": entitlement.reference},
            body=_(
                "Your %(title)s (%(what)s) is revoked. Reason: %(reason)s\n\n"
                "The notice is attached. You may object to it within one month of its "
                "delivery, in writing or for the record at the city."
            )
            % {
                "title": kind.title,
                "what": kind.describe(entitlement),
                "reason": revocation.reason,
            },
            attachments=((filename, pdf, "application/pdf"),),
        )


@transaction.atomic
def revocation_start(
    *,
    entitlement: Entitlement,
    reason: str,
    actor: User | None,
    urgent: bool = False,
    today: date | None = None,
) -> Revocation:
    """Tell the holder first (reason, deadline, how to respond); urgent: revoke at once."""
    reason = reason.strip()[:200]
    if not reason:
        raise RevocationRefused(_("Give the reason for the revocation."))
    entitlement = _locked(entitlement)
    if entitlement.status == Entitlement.Status.REVOKED:
        raise RevocationRefused(_("It is already revoked."))
    entitlement_type = ContentType.objects.get_for_model(entitlement)
    pending = Revocation.objects.filter(
        entitlement_type=entitlement_type,
        entitlement_id=str(entitlement.pk),
        status=Revocation.Status.PENDING,
    )
    if pending.exists():
        raise RevocationRefused(_("A revocation is already waiting for the holder's response."))
    today = today or timezone.localdate()
    revocation = Revocation.objects.create(
        entitlement_type=entitlement_type,
        entitlement_id=str(entitlement.pk),
        reference=entitlement.reference,
        holder=entitlement.holder,
        unit=entitlement.unit,
        reason=reason,
        urgent=urgent,
        respond_by=None
        if urgent
        else today + timedelta(days=settings.ENTITLEMENT_REVOCATION_RESPONSE_DAYS),
        started_by=actor,
    )
    audit_record(
        action="entitlement.revocation_started",
        actor=actor,
        obj=revocation,
        data={"reference": revocation.reference, "urgent": urgent},
    )
    if urgent:
        _revoke_with_notice(revocation, entitlement, actor)
        return revocation
    kind = entitlement_kind_of(entitlement)
    with translation.override(entitlement.language):
        url = settings.SITE_URL.rstrip("/") + reverse("entitlements:respond", args=[revocation.pk])
        deadline = date_format(revocation.respond_by or today, "DATE_FORMAT")
        _tell(
            revocation,
            subject=_("We intend to revoke your %(title)s %(reference)s")
            % {"title": kind.title, "reference": entitlement.reference},
            body=_(
                "We intend to revoke your %(title)s (%(what)s). Reason: %(reason)s\n\n"
                "Before we decide, you may tell us your view until %(deadline)s: %(url)s\n"
                "Your %(title)s stays valid until we have decided."
            )
            % {
                "title": kind.title,
                "what": kind.describe(entitlement),
                "reason": reason,
                "deadline": deadline,
                "url": url,
            },
        )
    return revocation


@transaction.atomic
def revocation_respond(*, revocation: Revocation, user: User, text: str) -> Revocation:
    """The holder's one answer, while the revocation is pending (also after the deadline,
    until the clerk has decided: a late answer is still read)."""
    revocation = Revocation.objects.select_for_update().get(pk=revocation.pk)
    if revocation.holder_id != user.pk:
        raise RevocationRefused(_("This is not your revocation."))
    if revocation.status != Revocation.Status.PENDING:
        raise RevocationRefused(_("This has already been decided."))
    if revocation.responded_at is not None:
        raise RevocationRefused(_("You have already responded."))
    text = text.strip()
    if not text:
        raise RevocationRefused(_("Write your response."))
    revocation.response = text[:MAX_RESPONSE_LENGTH]
    revocation.responded_at = timezone.now()
    revocation.save(update_fields=["response", "responded_at"])
    audit_record(action="entitlement.revocation_answered", actor=user, obj=revocation)
    return revocation


@transaction.atomic
def revocation_decide(
    *, revocation: Revocation, actor: User, revoke: bool, today: date | None = None
) -> Revocation:
    """Revoke (with the notice) or drop it, once the holder answered or the deadline passed."""
    revocation = Revocation.objects.select_for_update().get(pk=revocation.pk)
    if revocation.status != Revocation.Status.PENDING:
        raise RevocationRefused(_("This has already been decided."))
    if not revocation.may_be_decided(today):
        raise RevocationRefused(
            _("The holder may respond until %(date)s; decide after that.")
            % {"date": date_format(revocation.respond_by or "", "DATE_FORMAT")}
        )
    entitlement = revocation.entitlement
    if entitlement is None:  # deleted after its retention period
        raise RevocationRefused(_("It no longer exists."))
    entitlement = _locked(entitlement)
    audit_record(
        action="entitlement.revocation_decided",
        actor=actor,
        obj=revocation,
        data={"revoke": revoke},
    )
    if revoke:
        _revoke_with_notice(revocation, entitlement, actor)
        return revocation
    revocation.status = Revocation.Status.DROPPED
    revocation.decided_by = actor
    revocation.decided_at = timezone.now()
    revocation.save(update_fields=["status", "decided_by", "decided_at"])
    kind = entitlement_kind_of(entitlement)
    with translation.override(entitlement.language):
        _tell(
            revocation,
            subject=_("Your %(title)s %(reference)s is not revoked")
            % {"title": kind.title, "reference": entitlement.reference},
            body=_("We have decided not to revoke your %(title)s (%(what)s). It stays valid.")
            % {"title": kind.title, "what": kind.describe(entitlement)},
        )
    return revocation
