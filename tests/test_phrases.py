"""Phrases looked up in a source's sentences, kept compressed."""

from kblint.lang.phrases import is_phrase, packed_prose, phrase_in, unpacked_prose
from kblint.model.text import MASK


def prose_of(*texts: str) -> str:
    return unpacked_prose(packed_prose(texts))


def test_a_phrase_is_found_where_its_words_follow_each_other_case_aside():
    prose = prose_of("The probe reports a 504 Gateway\nTimeout when the vault cluster is down.")
    assert phrase_in("vault cluster", prose)
    assert phrase_in("504 gateway timeout", prose)  # (a line break is a space)
    assert not phrase_in("cluster vault", prose)  # the order of the words matters
    assert not phrase_in("probe timeout", prose)
    assert not phrase_in("vault clust", prose)  # whole words


def test_no_phrase_spans_two_texts_or_code_between_words():
    prose = prose_of(f"Start the probe {MASK * 6} agent now.", "Second text.")
    assert not phrase_in("probe agent", prose)  # `probe-ctl` stood between them
    assert not phrase_in("now second", prose)
    assert phrase_in("start the probe", prose)


def test_a_path_or_a_name_joined_by_marks_is_one_word():
    prose = prose_of("Read src/probe/vault_keys.go and restart the probe-controller Pod.")
    assert not phrase_in("vault keys", prose)
    assert not phrase_in("controller pod", prose)
    assert phrase_in("probe-controller pod", prose)


def test_a_phrase_is_words_alone_two_at_least():
    assert is_phrase("vault cluster") and is_phrase("504 Gateway Timeout") and is_phrase("probe-controller Pod")
    assert not is_phrase("vault")
    assert not is_phrase("vault --force") and not is_phrase("probe(x)") and not is_phrase("a = b")


def test_nothing_kept_is_nothing_found():
    assert packed_prose([]) == "" and unpacked_prose("") == "" and not phrase_in("vault cluster", "")
    assert prose_of("Naïve café, 暗号 \ud800 kept") == "naïve café, 暗号 \ud800 kept"
