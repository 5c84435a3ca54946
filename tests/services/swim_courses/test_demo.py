import pytest

from buergerportal.accounts.models import User
from buergerportal.services.swim_courses.models import Course, Season
from buergerportal.services.swim_courses.plugin import PLUGIN

pytestmark = pytest.mark.django_db


def test_the_demo_city_has_a_season_with_courses_in_four_pools_and_pool_staff(client):
    PLUGIN.demo_load(users={})
    PLUGIN.demo_load(users={})  # idempotent
    assert Season.objects.count() == 1
    assert Course.objects.count() == 9
    assert Course.objects.values("pool").distinct().count() == 4
    staff = User.objects.get(email="bad@sportamt.demo")
    assert [link.url_name for link in PLUGIN.staff_links(staff)] == ["swim_courses:staff"]
    html = client.get("/schwimmkurse/").content.decode()
    assert "Gartenhallenbad Neckarau" in html and "Aqua-Fitness" in html
