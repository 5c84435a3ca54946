"""Money is written in one place: German "1.234,50 €", English "€1,234.50"."""

import pytest
from django.template import Context, Template
from django.utils import translation

from buergerportal.core.money import decimal_comma, euros


@pytest.mark.parametrize(
    ("cents", "german", "english"),
    [
        (12750, "127,50 €", "€127.50"),
        (123450, "1.234,50 €", "€1,234.50"),
        (5, "0,05 €", "€0.05"),
        (0, "0,00 €", "€0.00"),
        (-1500, "−15,00 €", "−€15.00"),
        (100000000, "1.000.000,00 €", "€1,000,000.00"),
    ],
)
def test_an_amount_reads_as_each_language_writes_it(cents, german, english):
    assert euros(cents, language="de") == german
    assert euros(cents, language="en") == english
    assert euros(cents, language="en-gb") == english


def test_without_a_language_the_active_one_is_used_and_others_fall_back_to_german():
    with translation.override("en"):
        assert euros(12750) == "€127.50"
    with translation.override("de"):
        assert euros(12750) == "127,50 €"
    assert euros(12750, language="tr") == "127,50 €"
    assert euros(None) == ""


def test_the_finance_offices_spreadsheet_gets_plain_decimal_commas():
    assert decimal_comma(123450) == "1234,50"
    assert decimal_comma(-1500) == "-15,00"


def test_templates_format_with_the_same_filter():
    template = Template("{% load money %}{{ cents|euros }}")
    with translation.override("de"):
        assert template.render(Context({"cents": 123450})) == "1.234,50 €"
    with translation.override("en"):
        assert template.render(Context({"cents": 123450})) == "€1,234.50"
