"""Registering the dog on approval: the entitlement with its tag number, the first year's tax,
and the lines the notice prints about both."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from buergerportal.accounts.models import User
from buergerportal.applications.models import Application
from buergerportal.applications.steps import walk
from buergerportal.catalogue.definitions import ApprovalRefused
from buergerportal.catalogue.registry import service_by_slug
from buergerportal.core.money import euros
from buergerportal.core.pdf import pdf_render
from buergerportal.documents.credentials import credential_issue
from buergerportal.entitlements.status import entitlement_revoke
from buergerportal.registers.identity import person_for_user

from . import rules
from .breeds import breed_is_listed, breed_name
from .claims import claim_label, claim_refusal_for
from .models import Dog
from .tags import tag_allocate

KIND = "dog"
YEARLY_DUE = (1, 15)  # the yearly tax is due on 15 January


def _holder_name(user: User | None) -> str:
    person = person_for_user(user)
    if person is not None:
        return person.full_name
    return (user.get_full_name() or user.email) if user is not None else ""


def liability_of(dog: Dog) -> rules.Liability:
    return rules.Liability(
        listed=dog.listed, further=dog.further, claim=dog.claim, claim_until=dog.claim_until
    )


def dog_register(*, application: Application, today: date | None = None) -> Dog:
    """The dog an approved application registers (idempotent). The holder's row is locked, so
    one household's registrations are counted one at a time (first or further dog)."""
    existing = Dog.objects.filter(application=application).first()
    if existing is not None:
        return existing
    service = service_by_slug(application.service_slug)
    assert service is not None  # noqa: S101  (the application was made from it)
    answers = walk(service, application.data).answers
    if answers.get("kept_from") is None or not answers.get("chip"):
        raise ApprovalRefused(_("The registration's answers are incomplete."))
    today = today or timezone.localdate()
    holder = (
        User.objects.select_for_update().get(pk=application.applicant_id)
        if application.applicant_id
        else None
    )
    if rules.chip_numbers_in_use([answers["chip"]]):
        raise ApprovalRefused(_("A dog with this chip number is registered already."))
    if claim_refusal_for(application) is not None:  # the clerk refused the claim
        answers = {**answers, "claim": ""}
    further = rules.household_has_other_dogs(holder)
    liability = rules.liability_from_answers(answers, further=further)
    _start, end, cents = rules.first_assessment(answers, further=further, today=today)
    tag_number = tag_allocate(year=today.year)
    issued = credential_issue(
        kind=KIND,
        reference=application.reference,
        valid_from=answers["kept_from"],
        valid_until=end,
        facts={"n": answers["dog_name"], "t": f"{today.year}-{tag_number:05d}"},
    )
    dog = Dog.objects.create(
        application=application,
        reference=application.reference,
        holder=holder,
        holder_name=_holder_name(holder),
        language=application.language,
        unit=application.unit,
        valid_from=answers["kept_from"],
        valid_until=end,
        credential_id=issued.record.credential_id,
        code=issued.text,
        name=answers["dog_name"],
        breed=answers["breed"],
        listed=breed_is_listed(answers["breed"]),
        further=further,
        sex=answers["sex"],
        colour=answers["colour"],
        born_on=answers["born_on"],
        chip=answers["chip"],
        kept_from=answers["kept_from"],
        previous=answers.get("previous") or "",
        claim=liability.claim,
        claim_until=liability.claim_until,
        tag_year=today.year,
        tag_number=tag_number,
    )
    if application.fee_cents != cents:  # the household or the rate changed since submission
        application.fee_cents = cents
        application.save(update_fields=["fee_cents"])
    return dog


def dog_on_approve(application: Application) -> None:
    """The engine's hook, in the decision's transaction: register the dog, allocate its tag and
    set the first assessment (approval grants the claimed exemption or reduction)."""
    with transaction.atomic():
        dog_register(application=application)


def dog_fee_code(application: Application) -> str:
    """The finance code of the first assessment: the dog's rate (first, further, listed)."""
    dog = Dog.objects.filter(application=application).first()
    return liability_of(dog).code if dog is not None else ""


def rate_text(dog: Dog, *, on: date) -> str:
    liability = liability_of(dog)
    if liability.exempt_in(rules.month_start(on)):
        if dog.claim_until is None:
            return _("exempt (%(claim)s)") % {"claim": Dog.Claim(dog.claim).label}
        return _("exempt (%(claim)s) until %(date)s") % {
            "claim": Dog.Claim(dog.claim).label,
            "date": date_format(dog.claim_until, "DATE_FORMAT"),
        }
    kind = {
        "HUNDESTEUER-LISTENHUND": _("listed dog"),
        "HUNDESTEUER-WEITERER": _("further dog"),
        "HUNDESTEUER-SOZIAL": _("first dog, reduced for social benefits"),
    }.get(liability.code, _("first dog"))
    return _("%(amount)s a year (%(kind)s)") % {"amount": euros(liability.yearly(on)), "kind": kind}


def next_due_on(dog: Dog, *, today: date | None = None) -> date | None:
    """The next day the yearly tax is due (15 January), None once deregistered."""
    if dog.ended_on is not None or dog.status != Dog.Status.VALID:
        return None
    today = today or timezone.localdate()
    return date(today.year + 1, *YEARLY_DUE)


def dog_notice_lines(application: Application) -> list[str]:
    from buergerportal.payments.access import payments_for_payable

    dog = Dog.objects.filter(application=application).first()
    if dog is None:
        return []
    decided = timezone.localdate(application.decided_at or timezone.now())
    start = rules.tax_starts_on(kept_from=dog.kept_from, born_on=dog.born_on)
    end = date(decided.year, 12, 31)
    lines = [
        _("Dog: %(name)s, %(breed)s, chip number %(chip)s.")
        % {"name": dog.name, "breed": breed_name(dog.breed), "chip": dog.chip},
        _(
            "Dog tag number %(tag)s. The tag is posted to you; please return it when you "
            "deregister the dog."
        )
        % {"tag": dog.tag},
        _("Yearly tax: %(rate)s.") % {"rate": rate_text(dog, on=max(start, decided))},
    ]
    refusal = claim_refusal_for(application)
    if refusal is not None:
        lines.insert(
            0,
            _(
                "Your claim (%(claim)s) is refused: %(reason)s The tax is assessed at the "
                "normal rate."
            )
            % {"claim": claim_label(refusal.claim), "reason": refusal.reason.rstrip(".") + "."},
        )
    if start <= end:
        lines.append(
            _("Tax for %(first)s to %(last)s (%(count)s months, by month): %(amount)s.")
            % {
                "first": date_format(start, "YEAR_MONTH_FORMAT"),
                "last": date_format(end, "YEAR_MONTH_FORMAT"),
                "count": len(rules.months(start, end)),
                "amount": euros(application.fee_cents),
            }
        )
    lines.append(
        _(
            "From %(year)s the yearly tax is due on 15 January of each year; it is collected by "
            "direct debit where you have given a mandate. The tax ends with the month in which "
            "you stop keeping the dog."
        )
        % {"year": end.year + 1}
    )
    payment = payments_for_payable(application).first()
    if payment is not None and payment.method == "online":
        lines.append(transfer_text(payment.reference))
    return lines


def transfer_text(reference: str) -> str:
    """How to pay by bank transfer (or online from the application's page)."""
    if settings.SEPA_CREDITOR_IBAN:
        return _(
            "To pay by bank transfer: %(creditor)s, IBAN %(iban)s, payment reference "
            "%(reference)s. You can also pay online."
        ) % {
            "creditor": settings.SEPA_CREDITOR_NAME,
            "iban": settings.SEPA_CREDITOR_IBAN,
            "reference": reference,
        }
    return _("Payment reference %(reference)s; you can also pay online.") % {"reference": reference}


def dog_filename(dog: Dog) -> str:
    return f"Hundesteuer-{dog.tag}.pdf"


def dog_pdf(dog: Dog) -> bytes:
    """The registration certificate (tag, dog, holder), a tagged PDF like every document."""
    with translation.override(dog.language):
        html = render_to_string(
            "dog_tax/certificate.html",
            {
                "dog": dog,
                "breed": breed_name(dog.breed),
                "rate": rate_text(dog, on=timezone.localdate()),
                "city": settings.CITY_NAME,
            },
        )
    return pdf_render(html)


def dog_revoke(*, entitlement: Dog, reason: str, actor: Any = None) -> Dog:
    return entitlement_revoke(entitlement=entitlement, reason=reason, actor=actor)
