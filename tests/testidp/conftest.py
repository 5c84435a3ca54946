from tests.eid import eid  # noqa: F401  (fixture)
