from buergerportal.services.business_lookup.folding import text_fold


def test_umlauts_and_sharp_s_are_spelled_out_so_both_spellings_match():
    assert text_fold("Müller") == text_fold("Mueller") == "mueller"
    assert text_fold("Straße") == text_fold("STRASSE") == "strasse"
    assert text_fold("Größe Öl Ärger") == "groesse oel aerger"


def test_abbreviated_street_matches_the_full_word():
    assert text_fold("Hauptstr. 5") == text_fold("Hauptstraße 5") == "hauptstrasse 5"


def test_accents_punctuation_and_direction_marks_become_nothing_or_spaces():
    assert text_fold("Café   Crème-Brûlée!") == "cafe creme brulee"
    assert text_fold("\u202eabc\u202c 100% _x_ *") == "abc 100 x"
    assert text_fold("שלום") == "שלום"  # right-to-left letters are kept as letters


def test_a_turkish_dotless_i_is_found_when_typed_as_i():
    assert text_fold("Yılmaz") == text_fold("YILMAZ") == text_fold("Yilmaz") == "yilmaz"
