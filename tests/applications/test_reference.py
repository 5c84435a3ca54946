import pytest
from hypothesis import given
from hypothesis import strategies as st

from buergerportal.applications.reference import reference_format, reference_normalise

pytestmark = pytest.mark.django_db

years = st.integers(min_value=2020, max_value=2099)
numbers = st.integers(min_value=1, max_value=999_999)


@given(years, numbers)
def test_every_issued_reference_is_accepted(year, number):
    reference = reference_format(year=year, number=number)
    assert reference_normalise(reference) == reference
    assert reference_normalise(reference.lower().replace("-", "")) == reference


@given(years, numbers, st.data())
def test_a_single_mistyped_digit_is_rejected(year, number, data):
    reference = reference_format(year=year, number=number)
    positions = [i for i, c in enumerate(reference) if c.isdigit()]
    i = data.draw(st.sampled_from(positions))
    wrong = data.draw(st.sampled_from([d for d in "0123456789" if d != reference[i]]))
    assert reference_normalise(reference[:i] + wrong + reference[i + 1 :]) is None


@given(years, numbers, st.data())
def test_two_swapped_neighbouring_digits_are_rejected(year, number, data):
    digits = reference_format(year=year, number=number).replace("BP-", "").replace("-", "")
    pairs = [i for i in range(len(digits) - 1) if digits[i] != digits[i + 1]]
    if not pairs:
        return
    i = data.draw(st.sampled_from(pairs))
    swapped = digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :]
    typed = f"BP-{swapped[:4]}-{swapped[4:10]}-{swapped[10:]}"
    assert reference_normalise(typed) is None
