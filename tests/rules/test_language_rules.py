"""missing-translation, translation-drift, mixed-script, mojibake, cjk-punctuation."""

from kblint.rules.mixed_script import find_runs

SOURCE = """\
Intro with https://example.com/a and see KB22.

1. One.
2. Two.
3. Three.

```text
same code
```
"""

FAITHFUL_HANT = """\
介紹 https://example.com/a，請參見 KB22。

1. 一。
2. 二。
3. 三。

```text
same code
```
"""


def setup_pair(kb, translation):
    kb.add("KB1", "en", "Source", SOURCE)
    kb.add("KB22", "en", "Other", "Text.\n")
    kb.add("KB1", "zh-Hant", "來源", translation)


def test_faithful_pair_is_silent(kb):
    setup_pair(kb, FAITHFUL_HANT)
    assert kb.lint("translation-drift", "missing-translation", "mixed-script", "cjk-punctuation", "mojibake") == []


def test_drift_missing_step_reference_and_changed_code(kb):
    drifted = "介紹。\n\n1. 一。\n2. 二。\n\n```text\nother code\n```\n"
    setup_pair(kb, drifted)
    messages = [f.message for f in kb.lint("translation-drift")]
    assert any("3 numbered steps, this translation 2" in m for m in messages)
    assert any(m.startswith("KB22 referenced in the source") for m in messages)
    assert any("URL https://example.com/a" in m for m in messages)
    assert any("code block 1 differs" in m for m in messages)


def test_translation_without_source(kb):
    kb.add("KB9", "zh-Hant", "孤兒", "內容。\n")
    (finding,) = kb.lint("missing-translation")
    assert finding.path == "zh-Hant/KB9.md" and "no en source" in finding.message


def test_required_locale(kb):
    kb.config("source_locale: en\nlocales: [en, zh-Hant]\nrequired_locales: [zh-Hant]\n")
    kb.add("KB1", "en", "Source", "Text.\n")
    (finding,) = kb.lint("missing-translation")
    assert "no translation into zh-Hant" in finding.message


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


def test_mojibake_and_replacement_character(kb):
    kb.add("KB1", "en", "T", "Members donâ€™t pay. Ã© here.\n")
    kb.add("KB1", "zh-Hant", "T", "這個功能屬\ufffd進階設定。\n")
    found = kb.lint("mojibake")
    assert [(f.path, f.line, f.column) for f in found] == [("en/KB1.md", 7, 9), ("en/KB1.md", 7, 22), ("zh-Hant/KB1.md", 7, 6)]
    assert found[0].fix.safe and found[0].fix.edits[0].replacement == "don’t"
    assert "lost" in found[2].message


def test_genuine_accents_are_not_mojibake(kb):
    kb.add("KB1", "en", "T", "A café owner, a naïve user, Ørsted’s résumé, São Paulo, Zürich.\n")
    assert kb.lint("mojibake") == []


def test_cjk_punctuation(kb):
    kb.add("KB1", "zh-Hans", "T", "保存在安全的地方,它们是方式(重设)。版本 2.0, build 5 (beta) 与 `a,b`。\n")
    found = kb.lint("cjk-punctuation")
    assert [(f.column, f.fix.edits[0].replacement) for f in found] == [(9, "，"), (15, "（"), (18, "）")]
    assert all(f.fix.safe for f in found)


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
