"""unbalanced-bracket: fires on its example, stays silent on the traps."""

from hypothesis import given, settings
from hypothesis import strategies as st


def test_unbalanced_bracket_fires_on_unclosed_and_stray(kb):
    found = kb.check("unbalanced-bracket", "The list (refreshes every minute.\n\nThen] it【works.\n")
    assert [(l, c) for l, c, _ in found] == [(7, 10), (9, 5), (9, 9)]


def test_unbalanced_bracket_traps(kb):
    body = (
        "Choose a) the phone or b) the laptop (both work) :)\n\n"
        "- a) first\n- b) second\n\n"
        "See https://en.example.org/wiki/Foo_(bar) and [the guide](KB2.md) and `f(x`.\n\n"
        "中文（括號）與【標記】。\n\n"
        "最後可以換成機甲圖片了；-)。接下來看看細節。\n"
    )
    assert kb.check("unbalanced-bracket", body) == []


def test_a_server_templates_tags_are_no_text(kb):
    """A Markdown file a program fills in (EJS, ERB, JSP, Beetl): its <% … %> tags, over lines
    too, hold code whose braces open and close across tags. Text around them is still read."""
    body = (
        "<%\nfor (item in list) {\n%>\n\n<%if (item.old) {%>\n## ~~${item.name}~~\n<%} else {%>\n## ${item.name}\n<%}%>\n\n"
        "The field (required is the name.\n\n<%}%>\n"
    )
    assert [(l, c) for l, c, _ in kb.check("unbalanced-bracket", body)] == [(17, 11)]


def test_brackets_of_both_widths_pair_and_named_brackets_are_symbols(kb):
    body = (
        "（注意：此操作可能失敗)\n\n"  # one pair of mixed widths: cjk-punctuation's business
        "需要「)」，或輸入 \"]]\" 與 `]'。\n\n"
        "Unmatched ( or \\( and [、[^、[: are named, as are U+007B ({) and U+007D (}).\n\n"
        "A value in the range (0, 100] or [0, n).\n\n"
        "* Keys in [0,100) go to region 1, keys in [1000,~) to region 3.\n\n"
        "Blocks in (0, 4 MiB] go to the first tier, in bins such as [0-10), [10-20), etc.\n\n"
        "**URL**: http://{cluster address}/subscribe/remote takes the cluster's address.\n\n"
        "Bucket i holds the values in (base**i, base**(i+1)] of the scale.\n\n"
        "重試間隔在 [0.2S，10.2S) 之間隨機選取。\n"
    )
    assert kb.check("unbalanced-bracket", body, lang="zh-Hant") == []
    text = "請傳遞 value 屬性（或者 checked。"
    found = kb.check("unbalanced-bracket", text + "\n", lang="zh-Hant")
    assert [(l, c) for l, c, _ in found] == [(7, text.index("（") + 1)]


def test_a_bracket_between_two_quotations_is_used(kb):
    """After a word, a straight quote closes a quotation: the bracket that follows it opens an
    aside (a message names a file, then says why), it is not quoted on its own."""
    body = "無法加入檔案別名 '%s'（'%s' 已在索引中）。\n"
    assert kb.check("unbalanced-bracket", body, lang="zh-Hant") == []


def test_brackets_named_alone_in_a_heading_or_a_cell(kb):
    body = "# ((\n\nTyping `((` opens it.\n\n| command | use |\n| --- | --- |\n| [[ | test |\n"
    assert kb.check("unbalanced-bracket", body) == []


_BRACKET_TEXT = st.text(alphabet=list("()[]{}（）［］｛｝【】《》〈〉\"'“‘「『”’」』`a1 ,-"), max_size=14)


@settings(max_examples=600, deadline=None)
@given(_BRACKET_TEXT)
def test_the_shortcut_for_nested_brackets_changes_no_answer(text):
    """unbalanced() answers at once when every bracket closes the one opened last; without
    that shortcut, the pairing of each bracket gives the same answer."""
    from kblint.rules import unbalanced_bracket

    every = [m.start() for m in unbalanced_bracket._BRACKET.finditer(text)]
    assert unbalanced_bracket._all_nested(text) == unbalanced_bracket._nested(text, every)
    shortcut = unbalanced_bracket.unbalanced(text)
    original = unbalanced_bracket._all_nested
    unbalanced_bracket._all_nested = lambda _: False
    try:
        assert unbalanced_bracket.unbalanced(text) == shortcut
    finally:
        unbalanced_bracket._all_nested = original


def test_full_width_enumerators_are_not_brackets(kb):
    body = "1）開啟設定。\n\n2）選取帳戶。\n\n步驟：3）儲存變更，然後重新整理（頁面。\n"
    assert [(l, c) for l, c, _ in kb.check("unbalanced-bracket", body, "zh-Hant")] == [(11, 17)]  # the （ left open


def test_an_enumeration_run_into_a_chinese_sentence_is_not_brackets(kb):
    """带来了1）…；2）…: the numbers follow a character with no space; a lone 3） with no
    number beside it enumerated so may have lost its opener."""
    body = "这带来了1）启动慢；2）更新慢的问题。\n\n共计3）个节点。\n"
    assert [(l, c) for l, c, _ in kb.check("unbalanced-bracket", body, "zh-Hans")] == [(9, 4)]


def test_an_enumerator_after_markup_is_not_a_bracket(kb):
    body = '<span class="step">a) 設定路由器。</span>\n\n<span>b) Open the settings.</span>\n'
    assert kb.check("unbalanced-bracket", body, "zh-Hant") == []


def test_a_doubled_opener_never_closed_is_one_finding(kb):
    """A wiki link whose unescaped "|" a table cut in two leaves "[[Note" in one cell."""
    found = kb.check("unbalanced-bracket", "| Step | Read |\n| --- | --- |\n| One | [[Sync notes|syncing]] |\n")
    assert [(l, c, m) for l, c, m in found] == [(9, 9, "opening [ is never closed (expected ]): '[[Sync notes'")]


def test_a_doubled_opener_before_a_chinese_word_names_the_shells_test(kb):
    """"提示[[符号找不到": the message names bash's [[ (a word after it, not a link's name);
    a single bracket before a Chinese word is still an aside that never closes."""
    found = kb.check("unbalanced-bracket", "脚本报错提示[[符号找不到时，改用 bash 运行。\n\n请先阅读[说明，再继续。\n", "zh-Hans")
    assert [(l, c) for l, c, _ in found] == [(9, 5)]


def test_an_examples_label_closes_no_bracket(kb):
    assert kb.check("unbalanced-bracket", "- 예) `seek(0)` 를 사용하면 처음으로 이동합니다.\n", "ko") == []


def test_a_closer_after_a_masking_asterisk_may_have_lost_its_opener(kb):
    """A list of names masked for privacy: the asterisk may stand for the opener too."""
    body = "- 陳*)\n- *）（小帆）\n- M*a\n- 王*）\n\nBut an aside left open (here is still one.\n"
    assert [(l, c) for l, c, _ in kb.check("unbalanced-bracket", body, "zh-Hans")] == [(12, 24)]  # the ( left open


def test_tex_math_is_no_prose(kb):
    body = (
        "The corrected loss is:\n\n$$\n\\mathcal{L}_{\\text{corrected}} = - \\mathbb{E}_{y \\sim \\pi_{\\text{vLLM}}} \\left\\{ w \\right.\n$$\n\n"
        "Inline $\\hat{A}_t = \\left[ r_t(\\theta) \\right)$ holds. Prices run from $5 to $10 (a range.\n"
    )
    assert [m for _, _, m in kb.check("unbalanced-bracket", body)] == ["opening ( is never closed (expected )): '(a range.'"]


def test_a_change_logs_entry_translated_into_chinese_is_the_notes_own_text(kb):
    """An entry that names its change by a link at its start quotes the change's title in
    English; translated, its brackets are the writer's."""
    body = (
        "- [[#466](https://git.example.com/kb/tool/pull/466)] Keep the (mux connection open\n"
        "- [[#467](https://git.example.com/kb/tool/pull/467)] 优化：获取对端地址)。\n"
    )
    assert [(line, message) for line, _, message in kb.check("unbalanced-bracket", body, "zh-Hans")] == [(8, "closing ) has no opening (: ')。'")]
