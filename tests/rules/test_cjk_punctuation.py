"""cjk-punctuation: half-width marks in Chinese text, with a safe fix; brackets by house style."""

FULL_WIDTH_STYLE = "source_locale: en\nlocales: [en, zh-Hans, zh-Hant]\ncjk_brackets: full-width\n"


def test_cjk_punctuation(kb):
    kb.add("KB1", "zh-Hans", "T", "保存在安全的地方,它们是方式(重设)。版本 2.0, build 5 (beta) 与 `a,b`。\n")
    found = kb.lint("cjk-punctuation")
    # A pair of brackets is one finding, with one fix for both.
    assert [(f.column, f.end_column, _marks(f), f.fix.safe) for f in found] == [(9, 10, "，", True), (15, 19, "（）", False)]
    assert "house styles" in found[1].fix.reason  # half-width brackets may be the house style


def test_a_bracket_fix_is_safe_in_a_full_width_house_style_or_beside_a_full_width_bracket(kb):
    kb.add("KB1", "zh-Hans", "T", "它们是方式（重设)，以及(备份)。\n")
    assert [(_marks(f), f.fix.safe) for f in kb.lint("cjk-punctuation")] == [("）", True), ("（）", False)]
    kb.config(FULL_WIDTH_STYLE)
    assert [(_marks(f), f.fix.safe) for f in kb.lint("cjk-punctuation")] == [("）", True), ("（）", True)]


BRACKETS = "数据库(DB)备份，Progressive Web App Studio (PWA Studio)中；请参阅(重设密码)；（注意)。\n"


SPACED = (
    "侧边栏 (sidebar) 的宽度 (单位像素)，以及主区域 (不含页脚) 的高度。\n\n"
    "三个参数 (按顺序传入) 都是可选的，注意(这一处没有空格)。\n"
)


def test_brackets_an_article_writes_spaced_and_half_width_are_its_house_style(kb):
    kb.add("KB1", "zh-Hans", "T", SPACED)
    # Three spaced pairs around Chinese, one not: the style, and the one that breaks it.
    assert [f.context for f in kb.lint("cjk-punctuation")] == ["(这一处没有空格)"]
    kb.add("KB1", "zh-Hans", "T", SPACED + "\n另见（附录）。\n")
    assert len(kb.lint("cjk-punctuation")) == 4  # it writes full-width ones too: each is a slip
    kb.add("KB1", "zh-Hans", "T", "只有一处 (单位秒) 这样写。\n")
    assert len(kb.lint("cjk-punctuation")) == 1  # once tells no style


def test_half_width_brackets_around_latin_content_are_a_house_style(kb):
    kb.add("KB1", "zh-Hans", "T", BRACKETS)
    found = [(f.column, f.message) for f in kb.lint("cjk-punctuation")]
    assert found == [
        (BRACKETS.index("(重设") + 1, "half-width brackets '(…)' around Chinese text: use the full-width '（…）'"),
        (BRACKETS.index(")。") + 1, "half-width ')' paired with a full-width bracket: use the full-width '）'"),
    ]


def test_strict_and_lenient_bracket_styles(kb):
    kb.config("source_locale: en\nlocales: [en, zh-Hans]\ncjk_brackets: full-width\n")
    kb.add("KB1", "zh-Hans", "T", BRACKETS)
    assert len(kb.lint("cjk-punctuation")) == 4  # three pairs and a mixed one
    kb.config("source_locale: en\nlocales: [en, zh-Hans]\ncjk_brackets: any\n")
    assert [f.column for f in kb.lint("cjk-punctuation")] == [BRACKETS.index(")。") + 1]


def test_an_escaped_mark_is_converted_with_its_backslash(kb):
    from helpers import registry
    from kblint.run.settings import load_config
    from kblint.run.fix import fix

    kb.config(FULL_WIDTH_STYLE)
    path = kb.add("KB1", "zh-Hans", "T", "请看\\(注意)与说明\\,然后继续。代码\\\\(甲)。\n")
    config = load_config(kb.root / "kblint.yaml", kb.root)
    fix([kb.root], config, registry().select(["cjk-punctuation"], []))
    assert path.read_text("utf-8").endswith("请看（注意）与说明，然后继续。代码\\\\（甲）。\n")  # an escaped backslash stays


def test_a_bracket_closing_after_a_bare_url_has_an_unsafe_fix(kb):
    kb.config(FULL_WIDTH_STYLE)
    kb.add("KB1", "zh-Hans", "T", "旧网址 _(重定向至 https://example.org)_ 已停用。\n")
    [finding] = kb.lint("cjk-punctuation")
    assert (_marks(finding), finding.fix.safe) == ("（）", False)
    assert "bare URL" in finding.fix.reason


def _marks(finding) -> str:
    return "".join(edit.replacement for edit in finding.fix.edits)


def _fixes(kb, body, lang="zh-Hans"):
    kb.add("KB1", lang, "T", body)
    return [(f.line, f.column, _marks(f), f.fix.safe) for f in kb.lint("cjk-punctuation")]


def test_the_space_beside_a_converted_bracket_goes_after_latin_text_and_code(kb):
    kb.add("KB1", "zh-Hans", "T", "使用 `setup()` (永远先抛出错误) 和 state (搜索文本) 过滤。\n")
    found = [(f.column, f.end_column, [(e.column, e.end_column, e.replacement) for e in f.fix.edits]) for f in kb.lint("cjk-punctuation")]
    assert found == [(14, 23, [(13, 15, "（"), (22, 24, "）")]), (32, 38, [(31, 33, "（"), (37, 39, "）")])]  # the brackets; the fix takes the spaces too


def test_brackets_of_an_english_sentence_and_a_link_destination(kb):
    kb.config(FULL_WIDTH_STYLE)
    body = "Thanks to [Xuan Huang (黄玄)](https://example.org/x) for the talk.\n\n所需的时间 ([最大内容](https://example.org/lcp))。\n"
    assert _fixes(kb, body) == [(9, 7, "（）", True)]


def test_heading_and_abbreviation_fixes_are_unsafe(kb):
    kb.config(FULL_WIDTH_STYLE)
    body = "## 插件 (已移除)\n\n## 插件 (已移除) {#plugins}\n\n在后台运行（如. 使用快捷键）。\n"
    assert _fixes(kb, body) == [
        (7, 7, "（）", False), (9, 7, "（）", True), (11, 8, "。", False)
    ]


def test_a_full_stop_before_a_word_that_goes_on_with_the_sentence_has_an_unsafe_fix(kb):
    """'[语法](…).的 DNS 规则': the mark is a stray one; 。 would end the sentence in its middle."""
    found = _fixes(kb, "基于 [hosts 风格语法](https://example.org/hosts).的 DNS 规则，和它们. 然后继续。\n")
    assert [(marks, safe) for _, _, marks, safe in found] == [("。", False), ("。", True)]


def test_a_part_numbered_in_chinese_numerals_is_told_the_enumeration_comma(kb):
    found = kb.check("cjk-punctuation", "## 二. 拉取代码\n\n三.运行测试.然后提交。\n", "zh-Hans")
    assert [(l, c, m.split(":")[0]) for l, c, m in found] == [
        (7, 5, "half-width '.' after a Chinese numeral"),
        (9, 2, "half-width '.' after a Chinese numeral"),
        (9, 7, "half-width '.' between Chinese characters"),
    ]  # fmt: skip


def test_a_numbered_label_is_told_the_colon(kb):
    found = _fixes(kb, "### 步骤二. 安装依赖\n\n统一. 然后继续。\n")
    assert [(marks, safe) for _, _, marks, safe in found] == [("：", False), ("。", True)]


def test_a_dot_joining_a_names_two_parts_alone_in_a_cell_has_an_unsafe_fix(kb):
    """A cell that holds 类名.方法名 (ClassName.methodName in words): the dot is the name's."""
    found = _fixes(kb, "| 属性 | 默认值 |\n| --- | --- |\n| 名称 | 类名.方法名 |\n\n保存之后. 然后继续。\n")
    assert [(marks, safe) for _, _, marks, safe in found] == [("。", False), ("。", True)]


def test_dots_joining_a_names_parts_in_a_chain_have_an_unsafe_fix(kb):
    """“服务名.分组名.命名空间.vault” writes a name's format, its dots a domain's; a full stop
    between two sentences is still fixed safely."""
    found = _fixes(kb, "目标服务的格式为“服务名.分组名.命名空间.vault”。保存之后. 然后继续。\n")
    assert [(marks, safe) for _, _, marks, safe in found] == [("。", False), ("。", False), ("。", True)]


def test_a_mark_the_text_names_as_a_separator_has_an_unsafe_fix(kb):
    """'用:进行分隔': the colon is the character to type; '作用,' ends a clause."""
    found = _fixes(kb, "名称之间用:进行分隔,结果以;分开。它的作用,在于简化。\n")
    assert [(marks, safe) for _, _, marks, safe in found] == [("：", False), ("，", True), ("；", False), ("，", True)]
    # (Or what goes after it: a space after the colon of "key: value".)
    found = _fixes(kb, "格式为 key: value（注意:后有空格），例如:名称。\n")
    assert [(marks, safe) for _, _, marks, safe in found] == [("：", False), ("：", True)]


def test_the_colons_of_a_format_of_single_characters_are_left_alone(kb):
    """'时间 (时:分:秒)': a clock's format, its parts joined as a clock writes them; a label's
    colon beside it is still a slip."""
    found = _fixes(kb, "横轴是时间（时:分:秒），按 年:月:日 分组。\n\n说明:用户:密码要分开写。\n")
    assert [marks for _, _, marks, _ in found] == ["：", "："]


def test_a_colon_joining_two_names_as_a_latin_example_does_has_an_unsafe_fix(kb):
    """'填写服务名:接口名（如 Shop:Cart）': the colon is the name's separator, as the example
    writes it; a label's colon in a text with no such name is still safely fixed."""
    found = _fixes(kb, "分组名建议写成服务名:接口名（如 Shop:Cart）。\n\n注意:请先保存。\n")
    assert [(marks, safe) for _, _, marks, safe in found] == [("：", False), ("：", True)]


def test_an_intervals_round_bracket_pairs_with_its_square_one(kb):
    """（如 [0-10), [10-20) 等）: each ) closes an interval, and the full-width pair is whole."""
    kb.add("KB1", "zh-Hans", "T", "按区间分箱（如 [0-10), [10-20) 等），再统计个数。\n")
    assert kb.lint("cjk-punctuation") == []


def test_a_smileys_mouth_is_no_bracket(kb):
    """（沿用 `posts` :)）: the ")" is a smiley's; the full-width pair around it is whole, and a
    half-width bracket beside a smiley is still told."""
    kb.add("KB1", "zh-Hans", "T", "先给它起个名字（就叫 `posts` 吧 :)），再往下看。\n\n换个说法（就叫它 `items` ;-)），也行。\n")
    assert kb.lint("cjk-punctuation") == []
    kb.add("KB2", "zh-Hans", "T", "先给它起个名字（就叫 `posts` 吧 :)) ，再往下看。\n")
    assert [f.message for f in kb.lint("cjk-punctuation") if f.path.endswith("KB2.md")] == [
        "half-width ')' paired with a full-width bracket: use the full-width '）'"
    ]


def test_a_full_stop_with_no_space_after_it_or_in_a_padded_table_has_an_unsafe_fix(kb):
    """'更新配置.使它生效' wants '，' (one sentence), not '。': with no space after it, the '.'
    may stand for either. A padded table's row (padded as a reader sees it: a Chinese
    character is two columns wide) would be put out of line by a wider mark; a table
    whose rows are not padded is fixed safely."""
    found = _fixes(kb, "请更新配置.使它生效。保存之后. 然后继续。\n")
    assert [(marks, safe) for _, _, marks, safe in found] == [("。", False), ("。", True)]
    padded = "| 格式 | 说明      |\n| ---- | --------- |\n| PNG  | 无损,透明 |\n| JPG  | 颜色丰富  |\n"
    assert [(marks, safe) for _, _, marks, safe in _fixes(kb, padded)] == [("，", False)]
    bare = "| 格式 | 说明 |\n| --- | --- |\n| PNG | 无损,透明 |\n| JPG | 颜色丰富 |\n"
    assert [(marks, safe) for _, _, marks, safe in _fixes(kb, bare)] == [("，", True)]


def _pages(style: str, count: int) -> dict[str, str]:
    """``count`` Chinese pages, each with two asides in brackets ``style`` ("half" or "full")."""
    o, c = ("(", ")") if style == "half" else ("（", "）")
    return {f"zh-Hans/KB{n}.md": f"# 第{n}页\n\n备份前先停止服务{o}约一分钟{c}，再复制数据{o}不含日志{c}。\n" for n in range(count)}


def test_half_width_brackets_a_language_writes_as_often_as_full_width_ones_are_its_style(tmp_path, monkeypatch, capsys):
    """Six pages that write their asides half-width and one full-width: the knowledge base's
    style, left alone (a mixed pair is still a slip). Written full-width on most pages, the
    half-width ones are slips, each pair reported. A one-file run with a cache says the same as a
    whole run, counting the other pages from the cache, not from their summaries. (The pages
    have no translation: their summaries leave the facts of translation pairs out, not this.)"""
    from helpers import write_files
    from kblint.app.cli import main
    from kblint.run import engine
    import json

    monkeypatch.setattr(engine, "_GUESS_PAIRS_FROM", 1)

    def run(*args: str) -> list[tuple[str, int]]:
        monkeypatch.chdir(tmp_path)
        main(["--format", "json", "--select", "cjk-punctuation", *args])
        return [(f["path"], f["line"]) for f in json.loads(capsys.readouterr().out)["findings"]]

    mixed = {"zh-Hans/mixed.md": "# 混合\n\n请先登录（账户页面)。\n"}
    write_files(tmp_path, {"kblint.yaml": "source_locale: en\nlocales: [en, zh-Hans]\n", **_pages("half", 6), **_pages("full", 1), **mixed})
    assert run("--no-cache") == [("zh-Hans/mixed.md", 3)]
    assert run() == [("zh-Hans/mixed.md", 3)]  # (a first run with the cache)
    assert run("zh-Hans/KB2.md") == []
    write_files(tmp_path, _pages("full", 6))  # the same pages, full-width now but one
    write_files(tmp_path, {"zh-Hans/KB0.md": _pages("half", 1)["zh-Hans/KB0.md"]})
    assert run("zh-Hans/KB0.md") == [("zh-Hans/KB0.md", 3)] * 2
    assert run("--no-cache") == [("zh-Hans/KB0.md", 3)] * 2 + [("zh-Hans/mixed.md", 3)]
