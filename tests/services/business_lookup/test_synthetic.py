"""The synthetic city's register: the same seed gives the same businesses, with a history."""

from __future__ import annotations

from django.core.management import call_command

from buergerportal.services.business_lookup.models import Business, Establishment, TradeNotification
from buergerportal.services.business_lookup.public_search import business_search
from buergerportal.services.business_lookup.synthetic import business_register_generate


def _snapshot():
    return list(
        Business.objects.order_by("number").values_list("number", "name", "status", "registered_on")
    )


def test_the_same_seed_gives_the_same_register_and_another_seed_another(db):
    assert business_register_generate(count=300, seed=7) == 300
    first = _snapshot()
    Business.objects.all().delete()
    business_register_generate(count=300, seed=7)
    assert _snapshot() == first
    Business.objects.all().delete()
    business_register_generate(count=300, seed=8)
    assert _snapshot() != first


def test_the_register_has_thirty_years_of_sole_traders_companies_branches_and_endings(db):
    business_register_generate(count=1000, seed=13)
    businesses = Business.objects.all()
    years = {d.year for d in businesses.values_list("registered_on", flat=True)}
    assert min(years) <= 1997 and max(years) >= 2025
    deregistered = businesses.filter(status=Business.Status.DEREGISTERED).count()
    assert 150 < deregistered < 350
    assert {"sole", "gmbh"} <= set(businesses.values_list("legal_form", flat=True))
    assert Establishment.objects.filter(main=False).exists()
    kinds = set(TradeNotification.objects.values_list("kind", flat=True))
    assert kinds == {"registration", "change", "deregistration"}
    assert not Establishment.objects.filter(
        business__status=Business.Status.DEREGISTERED, closed_on__isnull=True
    ).exists()


def test_generated_businesses_are_found_and_only_the_active_ones(db):
    business_register_generate(count=500, seed=13)
    active = Business.objects.filter(status=Business.Status.ACTIVE).first()
    gone = Business.objects.filter(status=Business.Status.DEREGISTERED).first()
    assert active.number in {h.number for h in business_search(active.name).hits}
    assert gone.number not in {h.number for h in business_search(gone.name).hits}


def test_the_command_adds_after_the_businesses_already_there(db, capsys):
    business_register_generate(count=10)
    call_command("business_register_generate", "--count", "5")
    assert Business.objects.count() == 15
    assert Business.objects.order_by("-number").first().number == "GW-0000015"
    assert "5 businesses added" in capsys.readouterr().out
