"""mixed-script: the other script by regional standard, in sentences written for these tests."""

import pytest

from kblint.rules.mixed_script import find_runs


def runs(text: str, locale: str) -> list[tuple[str, str]]:
    """(the run reported, the suggestion) for each run."""
    return [(text[start:end], fixed) for start, end, fixed in find_runs(text, locale)]


# Each sentence is right in Taiwan's or Hong Kong's standard; the character in the middle of
# each word is one that OpenCC's generic Traditional writes otherwise in some words.
RIGHT_IN_TRADITIONAL = [
    "請在群組設定中新增成員。",  # 群 (OpenCC: 羣)
    "從這裡到車站大約三公里，鄰里之間都很熟。",  # 里 in 公里, 鄰里
    "請勿散布未經授權的副本。",  # 布 in 散布
    "此選項只能在安裝時設定。",  # 只
    "暫存檔案占用了大量磁碟空間。",  # 占 in 占用
    "系統會在重新開機後套用變更。",  # 系 in 系統
    "他最喜歡的歌手是周杰倫。",  # 杰
    "干達語是烏干達使用的語言之一，請勿干擾其他使用者。",  # 干
    "下表表示每種方案的價格。",  # 表
    "請先了解這些限制再繼續。",  # 了 in 了解
    "記憶體使用量的峰值出現在晚上。",  # 峰 (OpenCC: 峯)
    "備份每周執行一次。",  # 周 in 每周
    "新的設定與舊的設定互相抵觸。",  # 抵
    "秘魯的使用者也可以申請，但請保守這個秘密。",  # 秘 (OpenCC: 祕)
    "我們會在兩個工作天內回應您的問題。",  # 回
    "這筆款項已經核准了。",  # 核准
    "適用於你系統的安裝程式已經準備好了。",  # 系 after 你 (OpenCC's 你系 → 你係 is another word)
    "皇后、平台與頁面都是正確的繁體寫法。",
    "紙張大小請選擇美制信紙，或公制的 A4。",  # 美制: the US system (OpenCC reads 美製, made in the USA)
    "點一下箭頭即可折疊或展開這個區段。",  # 折疊: Taiwan writes it both ways (摺疊)
    "其他語言：简体中文 / 簡體中文。",  # the name of Simplified Chinese as it writes itself
    "輸入的檔案名表是空的。",  # 名表: a list of names (OpenCC reads 名錶, a famous watch)
    "外掛可以向應用程式新增功能。",  # 向 before 應用 (OpenCC reads 向应 as 嚮應)
    "這種做法有它的局限，請想象一下大量資料的情境。",  # 局限, 想象: listed beside 侷限, 想像
    "他的基礎很扎實。",  # 扎實: listed beside 紮實
    "壓縮檔裡面包含三個檔案，上面包括說明。",  # 裡面 + 包含, 上面 + 包括: not 麵包
]

WRONG_IN_TRADITIONAL = [
    ("把檔案放在資料夾里面。", "里", "裡"),  # 里面: a Simplified-only word
    ("請遵守公司的准則。", "准", "準"),  # 准則 → 準則
    ("然后重新啟動電腦。", "后", "後"),
    ("在大多數情况下，一組金鑰就夠了。", "况", "況"),  # a Simplified-only character
    ("請參考说明文件。", "说", "說"),
]

RIGHT_IN_SIMPLIFIED = [
    "新版本覆盖了旧的设置。",  # 覆 (OpenCC lists it as Traditional too)
    "于是我们只有一只猫。",
    "请把干净的衣服收进衣柜里。",
    "后来系统页面和方便面都正常了。",
    "其他语言：日本語 / 日语、繁體中文 / 繁体中文、正體中文。",  # languages' names as they write themselves
]

WRONG_IN_SIMPLIFIED = [
    ("所有設定都保存在账户中。", "設", "设"),
    ("请检查資料是否完整。", "資", "资"),
    ("繁體中文的資料", "資", "资"),  # a language's name is kept, not the words after it
]


@pytest.mark.parametrize("sentence", RIGHT_IN_TRADITIONAL)
def test_standard_traditional_usage_is_silent(sentence):
    assert runs(sentence, "zh-Hant") == []


@pytest.mark.parametrize("sentence, run, fix", WRONG_IN_TRADITIONAL)
def test_simplified_in_traditional_is_reported_with_a_different_character(sentence, run, fix):
    assert runs(sentence, "zh-Hant") == [(run, fix)]


@pytest.mark.parametrize("sentence", RIGHT_IN_SIMPLIFIED)
def test_standard_simplified_usage_is_silent(sentence):
    assert runs(sentence, "zh-Hans") == []


@pytest.mark.parametrize("sentence, run, fix", WRONG_IN_SIMPLIFIED)
def test_traditional_in_simplified_is_reported(sentence, run, fix):
    assert runs(sentence, "zh-Hans") == [(run, fix)]


def test_positions_and_regions_in_articles(kb):
    kb.add("KB1", "zh-Hant", "標題", "在大多數情况下，然后再說。\n")
    kb.add("KB1", "zh-Hans", "标题", "所有設定都保存在账户中。\n")
    kb.write("zh-TW/KB2.md", "---\nid: KB2\ntitle: 標題\n---\n檔案在資料夾里面。\n")
    kb.write("zh-HK/KB2.md", "---\nid: KB2\ntitle: 標題\n---\n檔案在資料夾里面。\n")
    found = [(f.path, f.line, f.column, f.message) for f in kb.lint("mixed-script")]
    assert [(p, l, c) for p, l, c, _ in found] == [
        ("zh-HK/KB2.md", 5, 7),
        ("zh-Hans/KB1.md", 7, 3),
        ("zh-Hant/KB1.md", 7, 6),
        ("zh-Hant/KB1.md", 7, 10),
        ("zh-TW/KB2.md", 5, 7),
    ]
    messages = [m for *_, m in found]
    # 里 is Traditional too (公里): in 里面 it is the Simplified usage. Each region's form.
    assert messages[0] == "'里', Simplified usage in this word, in a Traditional Chinese (zh-HK) article: use '裏'"
    assert messages[4] == "'里', Simplified usage in this word, in a Traditional Chinese (zh-TW) article: use '裡'"
    assert messages[2] == "Simplified '况' in a Traditional Chinese (zh-Hant) article: use '況'"  # a Simplified character
    assert "'況'" in messages[2] and "'後'" in messages[3]


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


def test_suspects_beyond_the_basic_plane_are_found_too():
    # 𠮶 (U+20BB6) is a Simplified-only character beyond the Basic Multilingual Plane: such a
    # text takes the slower path, which finds it and the others.
    assert [(s, e) for s, e, _ in find_runs("設定情况", "zh-Hant")] == [(3, 4)]
    assert [(s, e) for s, e, _ in find_runs("設定情况𠮶", "zh-Hant")] == [(3, 5)]
    assert find_runs("设定𠮶", "zh-Hans") == []


def test_a_word_of_the_right_script_that_overlaps_reads_the_text_its_way():
    # 里面 is a Simplified-only word, but in 鄰里面對 the text reads 鄰里 / 面對.
    assert find_runs("鄰里面對面地溝通。", "zh-Hant") == []
    assert runs("這里面有三個檔案。", "zh-Hant") == [("里", "裡")]


def test_a_scripts_view_is_kept_in_the_cache_and_read_back(tmp_path, monkeypatch):
    """Making a script's view reads OpenCC's tables (a quarter of a second); a run with a
    cache reads it back instead, and makes it again when what is kept is damaged."""
    from kblint.lang import chinese
    from kblint.store.cache import Cache

    cache = Cache(tmp_path, "0" * 24)
    monkeypatch.setattr(chinese, "_TABLES", {})
    monkeypatch.setattr(chinese, "SHIPPED_VIEWS", tmp_path / "none shipped")
    chinese.script.cache_clear()
    chinese.keep_views_in(cache)
    try:
        made = chinese.script("Traditional")
        assert cache.kept("chinese-view:Traditional")
        chinese.script.cache_clear()
        with monkeypatch.context() as patched:
            patched.setattr(chinese, "read_tables", lambda names: pytest.fail("the tables were read again"))
            assert chinese.script("Traditional") == made
        cache.keep("chinese-view:Traditional", '["Traditional", [1, 2')
        chinese.script.cache_clear()
        assert chinese.script("Traditional") == made
        assert chinese._view_from_json(cache.kept("chinese-view:Traditional")) == made
    finally:
        chinese.keep_views_in(None)
        chinese.script.cache_clear()
        cache.close()


def test_the_shipped_views_are_what_this_installation_makes(monkeypatch):
    """The views in the package are read instead of made, so they must be what the tables
    and the accepted words make: made again when data-chinese-variants.yaml changes (always
    checked), and equal to a view made here when OpenCC is the one they were made from."""
    import gzip
    import json

    from kblint.lang import chinese

    monkeypatch.setattr(chinese, "_TABLES", {})
    for name in ("Traditional", "Simplified"):
        shipped = json.loads(gzip.decompress(chinese._shipped_path(name).read_bytes()))
        here = chinese.views_source(name)
        assert shipped["source"].rpartition("; variants ")[2] == here.rpartition("; variants ")[2], "python -m kblint.lang.chinese"
        if shipped["source"] == here:
            assert chinese._shipped(name) == chinese._make_script(name)
        else:  # another OpenCC: made from its tables, never the shipped one
            assert chinese._shipped(name) is None


def test_a_shipped_view_from_other_tables_or_damaged_is_not_used(tmp_path, monkeypatch):
    from kblint.lang import chinese

    written = {path.name: path for path in chinese.ship_views(tmp_path)}
    monkeypatch.setattr(chinese, "SHIPPED_VIEWS", tmp_path)
    assert chinese._shipped("Simplified") is not None
    monkeypatch.setattr(chinese, "views_source", lambda name: "opencc 0.0; other tables")
    assert chinese._shipped("Simplified") is None
    monkeypatch.undo()
    monkeypatch.setattr(chinese, "SHIPPED_VIEWS", tmp_path)
    path = written["simplified.json.gz"]
    whole = path.read_bytes()
    path.write_bytes(whole[:-40])  # cut short
    assert chinese._shipped("Simplified") is None
    path.write_bytes(whole[:200] + bytes([whole[200] ^ 0xFF]) + whole[201:])  # a byte changed
    assert chinese._shipped("Simplified") is None
    path.write_bytes(b"not gzip at all")
    assert chinese._shipped("Simplified") is None
    chinese.script.cache_clear()
    try:
        assert chinese.script("Simplified") == chinese._make_script("Simplified")  # made instead
    finally:
        chinese.script.cache_clear()


# Taiwan's phrase conversion puts other words of the same length in place of some words
# (发布 -> 釋出, 鼠标 -> 滑鼠, 默认 -> 預設, 数据库 -> 資料庫): the suggestion takes from it
# only forms of the characters reported, never the character that happens to stand there.
IN_CONTEXT = [
    ("我們下週進行发布。", "发", "發"),
    ("請點擊鼠标右鍵。", "标", "標"),
    ("先檢查网络連線。", "网络", "網絡"),
    ("欄位使用默认值。", "认", "認"),
    ("這裡可以播放视频。", "视频", "視頻"),
    ("請開啟数据库檔案。", "数据库", "數據庫"),
    ("然后重新啟動電腦。", "后", "後"),
    ("檔案在資料夾里面。", "里", "裡"),  # Taiwan's form, which OpenCC's table does not give
]


@pytest.mark.parametrize("sentence, run, fix", IN_CONTEXT)
def test_the_suggestion_replaces_only_the_characters_reported(sentence, run, fix):
    from kblint.rules.mixed_script import suggestion

    start = sentence.index(run)
    end = start + len(run)
    assert [(s, e) for s, e, _ in find_runs(sentence, "zh-Hant")] == [(start, end)]
    assert suggestion(sentence, start, end, "zh-Hant", [None] * len(run), "TW") == fix


def test_the_fix_in_a_taiwan_article_keeps_the_words_around_it(kb):
    kb.write("zh-TW/KB3.md", "---\nid: KB3\ntitle: 標題\n---\n我們下週進行发布，請點擊鼠标右鍵。\n")
    found = kb.lint("mixed-script")
    assert [(f.column, f.message) for f in found] == [
        (7, "Simplified '发' in a Traditional Chinese (zh-TW) article: use '發'"),
        (14, "Simplified '标' in a Traditional Chinese (zh-TW) article: use '標'"),
    ]


def test_a_shipped_view_reads_back_as_the_view_it_was_made_from():
    """The shipped file's compact fields hold every kind of entry: words with one change or
    several, a change to more than one character, characters beyond the Basic Plane, a
    character with no form of its own."""
    from kblint.lang.chinese import Script, _shipped_fields, _view_from_shipped

    view = Script(
        "Traditional",
        frozenset("发后𠮷"),
        frozenset("干"),
        {"干净": ((0, "乾"),), "后来发": ((0, "後"), (2, "發")), "𠮷干": ((1, "幹"),), "干预措施": ((0, "幹預"),), "空": ()},
        frozenset({"乾淨", "後來", "𠮷"}),
        4,
        {"发": ["發", "髮"], "后": ["後"], "𠮷": []},
    )
    assert _view_from_shipped(_shipped_fields(view)) == view
    empty = Script("Simplified", frozenset(), frozenset(), {}, frozenset(), 2, {})
    assert _view_from_shipped(_shipped_fields(empty)) == empty
    with pytest.raises(ValueError):
        _shipped_fields(Script("Traditional", frozenset("\t"), frozenset(), {}, frozenset(), 2, {}))
    assert _view_from_shipped(["Traditional", "", "", "a\nb", "\x01", "x", "", "", 2, ""]) is None  # two words, one change


# A page copied from the Simplified translation into the Hong Kong folder and never converted.
COPIED_SIMPLIFIED = """\
这个页面说明如何设置账户。

请先打开设置菜单，然后选择语言。

如果网络连接失败，请检查防火墙的规则。

保存之后，系统会发送一封确认邮件。
"""


def test_an_article_written_in_the_other_script_is_one_finding_that_converts_it(kb):
    from test_fix import run_fix

    path = kb.write("zh-HK/KB4.md", "---\nid: KB4\ntitle: 帳戶\n---\n" + COPIED_SIMPLIFIED)
    found = kb.lint("mixed-script")
    assert len(found) == 1
    finding = found[0]
    assert (finding.line, finding.column, finding.end_column) == (5, 1, 4)  # its first run, 这个页
    assert finding.message.startswith(
        # (the two others are its title's, 帳戶, written in Traditional)
        "this Traditional Chinese (zh-HK) article is written in Simplified: 27 of the 29 characters that the "
        "scripts write apart are Simplified, from '这个页' (use '這個頁') on: convert the article to Traditional"
    )
    assert not finding.fix.safe and len(finding.fix.edits) > 10
    run_fix(kb.root, unsafe=True)
    text = path.read_text("utf-8")
    assert "這個頁面説明如何設置賬户" in text and "確認郵件" in text  # 説, 户: Hong Kong's forms
    assert kb.lint("mixed-script") == []


def test_a_few_paragraphs_of_the_other_script_are_reported_run_by_run(kb):
    traditional = "".join(line + "\n\n" for line in GENUINE_TRADITIONAL.splitlines())
    kb.write("zh-HK/KB5.md", "---\nid: KB5\ntitle: 說明\n---\n" + traditional + COPIED_SIMPLIFIED)
    found = kb.lint("mixed-script")
    assert len(found) >= 10 and not any(f.message.startswith("this Traditional") for f in found)


def test_a_character_whose_other_form_few_fonts_show_is_not_reported(kb):
    """潕 is 𣲘 (U+23C98, outside the Basic Multilingual Plane) in Simplified Chinese by
    OpenCC's tables: a Simplified text keeps 潕. 時 still is 时."""
    found = kb.check("mixed-script", "作者：陈（潕量）。更新時间：昨天。\n", "zh-Hans")
    assert [m for _, _, m in found] == ["Traditional '時' in a Simplified Chinese (zh-Hans) article: use '时'"]


def test_a_line_quoting_japanese_is_not_chinese_of_the_other_script(kb):
    """A reading list in a Simplified article cites a Japanese article's title: its kanji (説)
    are Japanese, not Traditional Chinese. A line without kana is still read."""
    body = "延伸阅读：\n\n- [【徹底解説】設定ファイルの書き方を学ぶ](https://example.jp/a)\n- 所有設定都保存在账户中。\n"
    kb.add("KB1", "zh-Hans", "标题", body)
    assert [(f.line, f.column) for f in kb.lint("mixed-script")] == [(10, 5)]
