"""Each fix says whether it is safe, decided for its finding, and why not when it is not."""

from helpers import KB


def _fixes(kb: KB, rule: str):
    return [f.fix for f in kb.lint(rule) if f.name == rule and f.fix is not None]


def test_a_safe_fix_has_no_reason(tmp_path):
    kb = KB(tmp_path)
    kb.add("KB1", "en", "Title", "We recieve it.\n")
    [fix] = _fixes(kb, "typo")
    assert fix.safe and fix.reason == "" and fix.description == "write 'receive'"


def test_an_unsafe_typo_fix_says_what_made_it_unsafe(tmp_path):
    kb = KB(tmp_path)
    kb.add("KB1", "en", "Title", "We recieve it.\n\nRun `recieve --all`.\n")
    [fix] = _fixes(kb, "typo")
    assert not fix.safe and fix.reason == "the article also uses the word in code, a file name or a link"


def test_a_heading_edit_is_unsafe_because_of_its_anchor(tmp_path):
    kb = KB(tmp_path)
    kb.add("KB1", "zh-Hant", "標題", "## 匯出檔案,然後關閉\n\n文字。\n")
    [fix] = _fixes(kb, "cjk-punctuation")
    assert not fix.safe and "anchor" in fix.reason


def test_a_rule_whose_fixes_are_all_unsafe_gives_its_reason(tmp_path):
    kb = KB(tmp_path)
    kb.add("KB1", "en", "Title", "Open the the panel.\n")
    [fix] = _fixes(kb, "repeated-word")
    assert not fix.safe and fix.reason == "a repetition may be meant"


def test_the_reason_is_in_the_json_output_and_survives_the_cache(tmp_path):
    from kblint.model.finding import finding_from_json, finding_to_json

    kb = KB(tmp_path)
    kb.add("KB1", "en", "Title", "Open the the panel.\n")
    [finding] = [f for f in kb.lint("repeated-word")]
    assert finding.to_dict()["fix"]["reason"] == "a repetition may be meant"
    assert finding_from_json(finding_to_json(finding)).fix == finding.fix
