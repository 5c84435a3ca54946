import pytest

from buergerportal.strategy.demo import strategy_demo_load
from buergerportal.strategy.models import FieldOfAction, Measure
from buergerportal.strategy.progress import Source, measure_progress

pytestmark = pytest.mark.django_db


def test_the_demo_loads_the_catalogue_with_section_four_marked_unknown_and_twice_is_harmless():
    strategy_demo_load()
    strategy_demo_load()
    known = Measure.objects.filter(field__known=True)
    assert known.count() == 30
    assert sorted(FieldOfAction.objects.filter(known=True).values_list("number", flat=True)) == [
        1,
        2,
        3,
    ]
    unknown = FieldOfAction.objects.get(known=False)
    assert unknown.number == 4
    assert set(unknown.measures.values_list("number", flat=True)) == {"4.1", "4.5"}
    open_data = Measure.objects.get(number="1.2")
    assert set(open_data.related.values_list("number", flat=True)) == {"4.5", "4.1", "1.3"}
    assert Measure.objects.get(number="2.4").coordinator.name_de == "FB 40"
    assert measure_progress(Measure.objects.get(number="1.1")).source == Source.PLATFORM
    schools = Measure.objects.get(number="2.4")
    assert schools.indicators.get().illustrative
    assert schools.milestones.count() == 3
