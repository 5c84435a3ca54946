from tests.engine_fixtures import *  # noqa: F403  (shared engine fixtures)
