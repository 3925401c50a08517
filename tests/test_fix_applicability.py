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


def test_a_case_only_typo_fix_in_a_heading_is_safe_where_ids_are_in_lower_case(tmp_path):
    """``Github`` → ``GitHub`` leaves the id ``github-setup`` as it was, under a scheme that
    lowers the case; a site whose scheme is guessed (Hexo's keeps the case) or keeps the case
    would have its links broken."""
    kb = KB(tmp_path)
    kb.add("KB1", "en", "Title", "## Github setup\n\nText.\n\n## Recieve files\n\nText.\n")
    assert [(f.safe, f.reason) for f in _fixes(kb, "typo")] == [(False, "the heading's anchor would change and break the links to it")] * 2
    kb.config("heading_ids: docusaurus\n")
    assert [(f.safe, f.reason) for f in _fixes(kb, "typo")] == [(True, ""), (False, "the heading's anchor would change and break the links to it")]
    kb.config("heading_ids: hexo\n")
    assert [f.safe for f in _fixes(kb, "typo")] == [False, False]


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
