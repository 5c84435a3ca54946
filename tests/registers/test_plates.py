import pytest
from hypothesis import given
from hypothesis import strategies as st

from buergerportal.registers.plates import PlateError, plate_normalise


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("MA-AB 1234", "MA-AB 1234"),
        ("ma ab 1234", "MA-AB 1234"),
        ("  MA-AB-12 ", "MA-AB 12"),
        ("M-X 1", "M-X 1"),
        ("HD-EV 42E", "HD-EV 42E"),
        ("MA - AB 7 ", "MA-AB 7"),
    ],
)
def test_plates_are_read_the_way_people_type_them(typed, canonical):
    assert plate_normalise(typed) == canonical


@pytest.mark.parametrize("typed", ["", "MAAB1234", "MA-AB 0123", "MA-ABC 1", "MA-AB 12345", "1234"])
def test_things_that_are_not_plates_are_refused(typed):
    with pytest.raises(PlateError):
        plate_normalise(typed)


@given(
    district=st.text("ABCDEFGHKLMNOPRSTUVWZ", min_size=1, max_size=3),
    letters=st.text("ABCDEFGHKLMNOPRSTUVWZ", min_size=1, max_size=2),
    number=st.integers(1, 9999),
)
def test_normalising_a_canonical_plate_keeps_it(district, letters, number):
    if len(letters) + len(str(number)) > 6:
        return
    canonical = f"{district}-{letters} {number}"
    assert plate_normalise(canonical) == canonical
    assert plate_normalise(canonical.lower().replace("-", " ")) == canonical
