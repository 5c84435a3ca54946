import pytest

from buergerportal.registers.demo import demo_registers_load
from tests.eid import eid  # noqa: F401  (fixture)


@pytest.fixture
def register(db, monkeypatch):
    """The demo city's resident register (a small synthetic city); nobody is linked to it."""
    monkeypatch.setattr("buergerportal.registers.demo.SYNTHETIC_RESIDENTS", 50)
    demo_registers_load({})
