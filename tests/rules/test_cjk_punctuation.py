"""cjk-punctuation: half-width marks between Chinese characters, with a safe fix."""

def test_cjk_punctuation(kb):
    kb.add("KB1", "zh-Hans", "T", "保存在安全的地方,它们是方式(重设)。版本 2.0, build 5 (beta) 与 `a,b`。\n")
    found = kb.lint("cjk-punctuation")
    assert [(f.column, f.fix.edits[0].replacement) for f in found] == [(9, "，"), (15, "（"), (18, "）")]
    assert all(f.fix.safe for f in found)
