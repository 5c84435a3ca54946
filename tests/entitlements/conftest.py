from tests.engine_fixtures import *  # noqa: F403  (shared engine fixtures)
from tests.services.parking_permit.conftest import anna, city, permit_2026  # noqa: F401
