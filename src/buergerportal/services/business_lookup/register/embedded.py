"""The business register kept in the portal's own tables (models.py)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from buergerportal.accounts.models import User

from ..folding import text_fold
from ..models import Business, Establishment, TradeNotification
from .base import (
    BusinessHit,
    BusinessNotFound,
    BusinessRecord,
    BusinessRegister,
    EstablishmentNotFound,
    NotificationRecord,
    TradeNotice,
)
from .candidates import addresses_find, candidates_find
from .ranking import candidate_score

NAME_END = " | "  # after the folded name, so ranking needs no second folding


def business_search_text(business: Business, establishments: list[Establishment]) -> str:
    """The folded text the full-text index holds: the name, then activity and the open
    establishments (``"baeckerei weber | herstellung ... seckenheimer strasse 20 ..."``)."""
    places = [f"{e.street} {e.house_number} {e.postcode} {e.city}" for e in establishments]
    return text_fold(business.name) + NAME_END + text_fold(" ".join([business.activity, *places]))


def _open(business: Business) -> list[Establishment]:
    return [e for e in business.establishments.all() if e.closed_on is None]


def _record(business: Business) -> BusinessRecord:
    establishments = list(business.establishments.order_by("-main", "opened_on", "pk"))
    open_ones = [e for e in establishments if e.closed_on is None]
    return BusinessRecord(
        number=business.number,
        name=business.name,
        legal_form=business.get_legal_form_display(),
        activity=business.activity,
        activity_code=business.activity_code,
        owner_name=f"{business.owner_given_names} {business.owner_family_name}".strip(),
        owner_birth_date=business.owner_birth_date,
        owner_address=business.owner_address,
        owner_birth_place=business.owner_birth_place,
        owner_nationality=business.owner_nationality,
        register_entry=business.register_entry,
        permit=business.permit,
        crafts_register=business.crafts_register,
        active=business.status == Business.Status.ACTIVE,
        registered_on=business.registered_on,
        deregistered_on=business.deregistered_on,
        establishments=tuple(
            str(e) + ("" if e.closed_on is None else f" (-{e.closed_on:%d.%m.%Y})")
            for e in establishments
        ),
        address=str(open_ones[0]) if open_ones else "",
        notifications=tuple(
            NotificationRecord(kind=n.kind, effective_on=n.effective_on)
            for n in business.notifications.all()
        ),
    )


class EmbeddedBusinessRegister(BusinessRegister):
    def search(self, terms: list[str], *, limit: int) -> list[BusinessHit]:
        scored = []
        for pk, number, name, activity, text in candidates_find(terms, wanted=limit):
            name_folded, _, rest = text.partition(NAME_END)
            score = candidate_score(terms, name_folded=name_folded, search_text=rest)
            if score > 0:
                scored.append((-score, name_folded, number, pk, name, activity))
        scored.sort()
        top = scored[:limit]
        addresses = addresses_find([row[3] for row in top])
        return [
            BusinessHit(
                number=number,
                name=name,
                address=addresses.get(pk, ""),
                activity=activity,
                score=-negative,
            )
            for negative, _folded, number, pk, name, activity in top
        ]

    def business(self, number: str) -> BusinessRecord | None:
        business = Business.objects.filter(number=number.strip().upper()).first()
        return _record(business) if business else None

    def find(self, *, name: str, address: str) -> BusinessRecord | None:
        folded_name, folded_address = text_fold(name), text_fold(address)
        if not folded_name:
            return None
        matches = [
            business
            for business in Business.objects.filter(
                search_text__contains=folded_name
            ).prefetch_related("establishments")[:50]
            if text_fold(business.name) == folded_name
            and any(
                text_fold(f"{e.street} {e.house_number}") in folded_address
                for e in business.establishments.all()
            )
        ]
        return _record(matches[0]) if len(matches) == 1 else None

    @transaction.atomic
    def notice_record(self, notice: TradeNotice, *, actor: object = None) -> str:
        branch = notice.establishment != "main" and notice.kind != TradeNotification.Kind.CHANGE
        if notice.kind == TradeNotification.Kind.REGISTRATION and not branch:
            business = Business.objects.create(
                number=_next_number(),
                name=notice.name,
                legal_form=notice.legal_form,
                activity=notice.activity,
                activity_code=notice.activity_code,
                owner_family_name=notice.owner_family_name,
                owner_given_names=notice.owner_given_names,
                owner_birth_date=notice.owner_birth_date,
                owner_address=notice.owner_address,
                owner_birth_place=notice.owner_birth_place,
                owner_nationality=notice.owner_nationality,
                register_entry=notice.register_entry,
                kind=notice.business_kind,
                side_business=notice.side_business,
                staff_full_time=notice.staff_full_time,
                staff_part_time=notice.staff_part_time,
                permit=notice.permit,
                crafts_register=notice.crafts_register,
                registered_on=notice.effective_on,
            )
            Establishment.objects.create(
                business=business,
                street=notice.street,
                house_number=notice.house_number,
                postcode=notice.postcode,
                city=notice.city,
                opened_on=notice.effective_on,
            )
            details = {"name": notice.name, "activity": notice.activity}
        else:
            found = (
                Business.objects.select_for_update()
                .filter(number=notice.number.strip().upper(), status=Business.Status.ACTIVE)
                .first()
            )
            if found is None:
                raise BusinessNotFound(notice.number)
            business = found
            details = _branch(business, notice) if branch else _apply(business, notice)
        business.search_text = business_search_text(business, _open(business))
        business.save()
        TradeNotification.objects.create(
            business=business,
            kind=notice.kind,
            effective_on=notice.effective_on,
            reason=notice.reason,
            previous_owner=notice.previous_owner,
            details=details,
            recorded_at=timezone.now(),
            recorded_by=actor if isinstance(actor, User) else None,
        )
        return business.number


# what a change notice (GewA 2) may change: (notice field, model field); empty means unchanged
CHANGEABLE = (
    ("name", "name"),
    ("legal_form", "legal_form"),
    ("activity", "activity"),
    ("activity_code", "activity_code"),
    ("register_entry", "register_entry"),
    ("business_kind", "kind"),
    ("staff_full_time", "staff_full_time"),
    ("staff_part_time", "staff_part_time"),
    ("permit", "permit"),
    ("crafts_register", "crafts_register"),
)


def _apply(business: Business, notice: TradeNotice) -> dict[str, str]:
    """A change or deregistration: what changed, for the notification's details."""
    if notice.kind == TradeNotification.Kind.DEREGISTRATION:
        business.status = Business.Status.DEREGISTERED
        business.deregistered_on = notice.effective_on
        business.establishments.filter(closed_on__isnull=True).update(closed_on=notice.effective_on)
        return {}
    details = {}
    for field, model_field in CHANGEABLE:
        value = getattr(notice, field)
        if value not in ("", None) and value != getattr(business, model_field):
            details[field] = str(value)
            setattr(business, model_field, value)
    if notice.street:
        main = business.establishments.filter(main=True, closed_on__isnull=True).first()
        new = (notice.street, notice.house_number, notice.postcode, notice.city)
        if main is None or (main.street, main.house_number, main.postcode, main.city) != new:
            if main is not None:
                main.closed_on = notice.effective_on
                main.save(update_fields=["closed_on"])
            Establishment.objects.create(
                business=business,
                street=notice.street,
                house_number=notice.house_number,
                postcode=notice.postcode,
                city=notice.city,
                opened_on=notice.effective_on,
            )
            details["address"] = " ".join(new)
    return details


def _branch(business: Business, notice: TradeNotice) -> dict[str, str]:
    """A branch opened (registration) or closed (deregistration) by the business."""
    address = f"{notice.street} {notice.house_number}, {notice.postcode} {notice.city}"
    if notice.kind == TradeNotification.Kind.REGISTRATION:
        Establishment.objects.create(
            business=business,
            street=notice.street,
            house_number=notice.house_number,
            postcode=notice.postcode,
            city=notice.city,
            main=False,
            opened_on=notice.effective_on,
        )
        return {"branch_opened": address, "establishment": notice.establishment}
    place = text_fold(f"{notice.street} {notice.house_number}")
    closing = [
        e
        for e in business.establishments.filter(main=False, closed_on__isnull=True)
        if text_fold(f"{e.street} {e.house_number}") == place
    ]
    if not closing:
        raise EstablishmentNotFound(address)
    closing[0].closed_on = notice.effective_on
    closing[0].save(update_fields=["closed_on"])
    return {"branch_closed": str(closing[0])}


def _next_number() -> str:
    last = Business.objects.select_for_update().order_by("-number").values_list("number", flat=True)
    top = last.first()
    return f"GW-{int(top[3:]) + 1 if top else 1:07d}"
