"""mixed-script: the other script at exact columns; characters valid in both stay silent."""

from kblint.rules.mixed_script import find_runs

def test_mixed_script_positions_both_ways(kb):
    kb.add("KB1", "zh-Hant", "標題", "在大多數情况下，然后再說。\n")
    kb.add("KB1", "zh-Hans", "标题", "所有設定都保存在账户中。\n")
    found = [(f.path, f.line, f.column, f.message) for f in kb.lint("mixed-script")]
    assert [(p, l, c) for p, l, c, _ in found] == [("zh-Hans/KB1.md", 7, 3), ("zh-Hant/KB1.md", 7, 6), ("zh-Hant/KB1.md", 7, 10)]
    assert "'況'" in found[1][3] and "'後'" in found[2][3]


def test_characters_valid_in_both_scripts_are_silent():
    traditional = "皇后與公里，只要系統平台的頁面正常，人云亦云也無妨；干擾已排除。"
    simplified = "于是我们只有一只猫，系统页面和方便面都正常，后来云端也好了。"
    assert find_runs(traditional, "zh-Hant") == []
    assert find_runs(simplified, "zh-Hans") == []


# Genuine text written for this test, with the characters that are correct in both scripts in
# their usual words: the rule must stay silent on every sentence.
GENUINE_TRADITIONAL = """\
皇后在宮裡住了三年，後來搬到城外一公里的別墅。只要系統正常運作，平台上的頁面就會自動更新。
這台電腦的記憶體不足，請先關閉其他程式，再重新啟動。公司的會計系統於明年一月起改版。
他把乾淨的衣服收進衣櫃裡，然後出門去買麵包與一隻烤雞。雲端備份會在每天晚上十點執行。
干擾訊號已經排除；如果還有問題，請聯絡系統管理員，或參考說明文件中的常見問題。
"""


GENUINE_SIMPLIFIED = """\
皇后在宫里住了三年，后来搬到城外一公里的别墅。只要系统正常运作，平台上的页面就会自动更新。
这台电脑的内存不足，请先关闭其他程序，再重新启动。公司的会计系统于明年一月起改版。
他把干净的衣服收进衣柜里，然后出门去买面包与一只烤鸡。云端备份会在每天晚上十点执行。
干扰信号已经排除；如果还有问题，请联系系统管理员，或参考说明文档中的常见问题。
"""


def test_zero_false_positives_on_genuine_paragraphs():
    for line in GENUINE_TRADITIONAL.splitlines():
        assert find_runs(line, "zh-Hant") == [], line
    for line in GENUINE_SIMPLIFIED.splitlines():
        assert find_runs(line, "zh-Hans") == [], line


def test_each_script_is_wrong_in_the_other():
    assert find_runs(GENUINE_SIMPLIFIED.splitlines()[0], "zh-Hant")
    assert find_runs(GENUINE_TRADITIONAL.splitlines()[0], "zh-Hans")


def test_no_opencc_dictionary_key_holds_a_clause_break():
    """Round trips convert only the clauses around suspect characters: exact only because
    opencc's conversion never matches a dictionary key across a clause break."""
    from pathlib import Path

    import opencc

    from kblint.rules.mixed_script import CLAUSE_BREAKS, _read_table

    tables = sorted(p.stem for p in (Path(opencc.__file__).parent / "clib" / "share" / "opencc").glob("*.ocd2"))
    assert "STPhrases" in tables and "TSPhrases" in tables
    breaks = set(CLAUSE_BREAKS)
    for name in tables:
        keys = _read_table(name)
        assert not any(breaks.intersection(key) for key in keys), name


def test_suspects_beyond_the_basic_plane_are_found_too():
    # 𠮶 (U+20BB6) is a Simplified-only character beyond the Basic Multilingual Plane: such a
    # text takes the slower path, which finds it and the others.
    assert find_runs("設定情况", "zh-Hant") == [(3, 4)]
    assert find_runs("設定情况𠮶", "zh-Hant") == [(3, 5)]
    assert find_runs("设定𠮶", "zh-Hans") == []


def test_a_clause_decides_an_ambiguous_character_whatever_the_rest_of_the_text():
    clause = "然后再說"
    alone = find_runs(clause, "zh-Hant")
    assert alone == [(1, 2)]
    padded = "皇后住在公里外，" * 20 + clause + "。平台與頁面都正常。"
    start = padded.index(clause)
    assert find_runs(padded, "zh-Hant") == [(start + 1, start + 2)]
