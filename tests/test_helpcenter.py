"""Help-center knowledge bases: HTML articles in locale folders, metadata files beside them,
/hc/{locale}/articles/{id} references, the translation state the platform records, and
plain-text exports."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from helpers import KB, ROOT, where
from kblint.formats.html import escape_edits, parse_html
from kblint.model.finding import Edit
from kblint.model.text import MASK, LineIndex


def _body(text: str):
    return parse_html(text, LineIndex(text))


def test_prose_maps_every_character_back_to_where_it_is_written():
    text = '<h1 id="top">Title</h1>\n<p>Tom&nbsp;&amp; Jerry <b>stay</b>\nhere.</p>'
    body, _ = _body(text)
    heading, paragraph = body.prose
    assert heading.kind == "heading" and heading.text == "Title"
    assert paragraph.text == "Tom\u00a0& Jerry stay\nhere."
    for index, char in enumerate(paragraph.text):
        source = text[paragraph.offset(index)]
        assert source == char or source == "&", (index, char, source)  # an entity maps to its "&"
    assert text[paragraph.offset(paragraph.text.index("Jerry")) :].startswith("Jerry")
    assert text[paragraph.offset(paragraph.text.index("here")) :].startswith("here")
    assert [(h.level, h.text, h.explicit_id, h.line, h.column) for h in body.headings] == [(1, "Title", "top", 1, 14)]


def test_code_scripts_styles_comments_and_attributes_are_never_prose():
    text = (
        '<style>.a { color: red }</style><script>let x = "words";</script>'
        '<p title="attribute words">Run <code>make all</code> now.</p>'
        "<pre>line one\nline two</pre><!-- a comment -->"
    )
    body, _ = _body(text)
    assert [span.text for span in body.prose] == [f"Run {MASK * 8} now."]
    assert [(block.start_line, block.end_line, block.text) for block in body.code_blocks] == [(1, 2, "line one\nline two")]
    assert [(comment, text[offset : offset + 4]) for comment, offset in body.html_comments] == [(" a comment ", "<!--")]
    assert [(code, text[start:end]) for code, start, end in body.code_spans] == [("make all", "<code>make all</code>")]


def test_links_images_anchors_lists_and_tables():
    text = (
        '<p>See <a href="/hc/en-us/articles/360001#h_01F">the steps</a>.</p>\n'
        '<img src="a.png">\n<a name="old"></a>\n'
        '<ol start="3"><li>One</li><li value="7">Two</li></ol>\n'
        "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>"
    )
    body, _ = _body(text)
    link, image = body.links
    assert (link.url, link.text, text[link.url_start : link.url_start + len(link.url)]) == ("/hc/en-us/articles/360001#h_01F", "the steps", link.url)
    assert text[link.start : link.end] == '<a href="/hc/en-us/articles/360001#h_01F">the steps</a>'
    assert image.image and image.url == "a.png" and image.text == ""
    assert body.named_anchors == ["old"]
    assert [item.number for item in body.lists[0].items] == [3, 7]
    assert body.tables == [(2, 2, 5)]
    assert [span.kind for span in body.prose if span.text in "AB12"] == ["table_cell"] * 4


def test_a_page_says_its_language_title_and_address():
    text = (
        '<!DOCTYPE html><html lang="zh-TW"><head><title>重設密碼 – 說明中心</title>'
        '<link rel="canonical" href="https://help.example.com/hc/zh-tw/articles/360001-x">'
        '<meta name="description" content="說明"></head><body><p>內容</p></body></html>'
    )
    _, meta = _body(text)
    assert meta.data == {
        "lang": "zh-TW",
        "html_url": "https://help.example.com/hc/zh-tw/articles/360001-x",
        "html_title": "重設密碼 – 說明中心",
        "description": "說明",
        "title": "重設密碼 – 說明中心",
    }


def test_malformed_markup_is_read_as_far_as_it_goes():
    for text in ("<p>open <b>bold <a href='x'>link", "</p></div><p>stray ends</p>", "<p>a &bogus; &#xZZ; &amp b</p>", "<", "<!--"):
        body, _ = _body(text)
        for span in body.prose:
            for index in range(len(span.text)):
                assert 0 <= span.offset(index) < len(text)


def test_replacements_are_written_as_html():
    body, _ = _body('<p>A <a href="http://x.example/a">b</a></p>')
    prose, address = Edit(3, 4, "Tom & <Jerry>"), Edit(15, 31, 'http://x.example/"q"')
    assert [e.replacement for e in escape_edits(body, [prose, address])] == ["Tom &amp; &lt;Jerry&gt;", "http://x.example/&quot;q&quot;"]


def _help_center(tmp_path) -> KB:
    kb = KB(tmp_path)
    kb.write(
        "en-us/360000001.html",
        "<h1>Resetting a password</h1>\n"
        '<p>First <a href="https://help.example.com/hc/en-us/articles/360000002-Signing-in">sign in</a>.</p>\n'
        '<h2 id="h_01ABC">Steps</h2>\n'
        '<p>See <a href="/hc/en-us/articles/360000009">the old page</a> and <a href="/hc/en-us/articles/360000002#h_nope">a place</a>.</p>\n'
        '<p>Back to <a href="/hc/en-us/articles/360000001-Resetting">this page</a>, '
        '<a href="/hc/en-us/articles/360000002#:~:text=sign%20in">a fragment of text</a>, '
        '<a href="https://other.example.org/hc/en-us/articles/123456789">another help center</a>.</p>\n',
    )
    kb.write("en-us/360000001.json", json.dumps({"html_url": "https://help.example.com/hc/en-us/articles/360000001-Resetting", "edited_at": "2026-03-10T12:00:00Z", "outdated_locales": ["zh-cn"]}))
    kb.write("en-us/360000002.html", '<h1>Signing in</h1>\n<p id="h_01XYZ">Use your e-mail address.</p>\n')
    kb.write(
        "zh-tw/360000001.html",
        '<h1>重設密碼</h1>\n<p>請先<a href="https://help.example.com/hc/en-us/articles/360000001">閱讀原文</a>登入。</p>\n'
        '<h2 id="h_01ABC">步驟</h2>\n<p>見<a href="/hc/zh-tw/articles/360000009">舊頁面</a>和<a href="/hc/zh-tw/articles/360000002#h_nope">一處</a>。</p>\n'
        '<p><a href="/hc/zh-tw/articles/360000001">本頁</a>、<a href="/hc/zh-tw/articles/360000002#:~:text=x">文字</a>、<a href="https://other.example.org/hc/zh-tw/articles/123456789">別處</a>。</p>\n',
    )
    kb.write("zh-tw/360000001.json", json.dumps({"html_url": "https://help.example.com/hc/zh-tw/articles/360000001", "edited_at": "2026-03-08T12:00:00Z"}))
    kb.write("zh-cn/360000001.html", "<h1>重设密码</h1>\n<p>请先登录。</p>\n")
    return kb


def test_help_center_references_anchors_and_locales(tmp_path):
    kb = _help_center(tmp_path)
    found = kb.lint("broken-reference", "self-reference", "wrong-locale-link", "broken-anchor", "broken-link")
    # A link's finding is at its "<a", an anchor's at the address; the text fragments
    # (#:~:text=) and the other help center's addresses are no findings. The zh-tw link to
    # 360000002#h_nope names a version that does not exist: no page, so no anchor to check.
    assert sorted(where(found)) == [
        ("en-us/360000001.html", 4, 8, "broken-reference"),
        ("en-us/360000001.html", 4, 77, "broken-anchor"),
        ("en-us/360000001.html", 5, 12, "self-reference"),
        ("zh-tw/360000001.html", 2, 6, "wrong-locale-link"),
        ("zh-tw/360000001.html", 4, 5, "broken-reference"),
        ("zh-tw/360000001.html", 5, 4, "self-reference"),
    ]
    messages = {f.name + str(f.line): f.message for f in found if f.path.startswith("zh-tw")}
    assert messages["wrong-locale-link2"].endswith("leads to the en version of this same article")
    assert "360000009 does not exist in any language" in messages["broken-reference4"]


def test_translation_state_from_the_help_centers_metadata(tmp_path):
    kb = _help_center(tmp_path)
    found = {f.path: f for f in kb.lint("translation-outdated")}
    assert found["zh-cn/360000001.html"].message.startswith("flagged outdated in the help center")
    assert "possibly outdated" in found["zh-tw/360000001.html"].message and "2 days after" in found["zh-tw/360000001.html"].message
    assert (found["zh-tw/360000001.html"].line, found["zh-tw/360000001.html"].column) == (1, 5)  # the title
    kb.config("source_locale: en\nlocales: [en, zh-Hant, zh-Hans]\noutdated_tolerance: 72\n")
    assert {f.path for f in kb.lint("translation-outdated")} == {"zh-cn/360000001.html"}


def test_a_changed_metadata_file_is_a_changed_article(tmp_path):
    kb = _help_center(tmp_path)
    kb.config("source_locale: en\nlocales: [en, zh-Hant, zh-Hans]\ncache_dir: .cache\n")
    assert any(f.path == "zh-tw/360000001.html" for f in kb.lint("translation-outdated"))
    kb.write("zh-tw/360000001.json", json.dumps({"html_url": "https://help.example.com/hc/zh-tw/articles/360000001", "edited_at": "2026-03-11T12:00:00Z"}))
    assert not any(f.path == "zh-tw/360000001.html" for f in kb.lint("translation-outdated"))


def test_markdown_in_the_tree_makes_html_files_pages_not_articles(tmp_path):
    kb = KB(tmp_path)
    kb.write("en/guide.md", "---\ntitle: Guide\n---\n\nSee [the page](page.html).\n")
    kb.write("en/page.html", "<p>The the page.</p>")
    found = kb.lint()
    assert all(f.path == "en/guide.md" for f in found), where(found)
    assert not [f for f in found if f.name == "broken-link"]


def test_plain_text_exports_are_read_with_their_title_on_the_first_line(tmp_path):
    kb = KB(tmp_path)
    kb.write("en/KB1000.txt", "Resetting a key\n\nPress the the button at https://example.com/the the.\nSee KB1001.\n")
    kb.write("zh-tw/KB1000.txt", "重設金鑰\n\n按下按钮。\n")
    found = kb.lint("repeated-word", "broken-reference", "mixed-script")
    assert where(found) == [
        ("en/KB1000.txt", 3, 7, "repeated-word"),
        ("en/KB1000.txt", 4, 5, "broken-reference"),
        ("zh-tw/KB1000.txt", 3, 4, "mixed-script"),
    ]


def test_a_run_that_reads_no_article_says_what_it_skipped(tmp_path):
    (tmp_path / "export.csv").write_text("id,title\n", "utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.run([sys.executable, "-m", "kblint", "--no-cache", str(tmp_path)], capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL)
    assert process.returncode == 0
    assert "no article was read" in process.stderr and "1 .csv" in process.stderr and "1 .png" in process.stderr


def test_fix_on_html_keeps_markup_and_escapes(tmp_path):
    from kblint.run.fix import fix
    from kblint.run.settings import load_config
    from helpers import registry

    kb = KB(tmp_path)
    original = '<h1>Keys</h1>\n<p class="CRTL">Press CRTL&nbsp;&amp; a key.</p>\r\n<pre>make all</pre>\n'
    kb.write("en/KB1.html", original)
    config = load_config(tmp_path / "kblint.yaml", tmp_path)
    fix([tmp_path], config, registry().select(["typo"], []), unsafe=False)
    assert (tmp_path / "en/KB1.html").read_bytes() == original.replace("Press CRTL", "Press Ctrl").encode()


# API exports: many articles in one JSON file.

from kblint.formats.zendesk import read_container, rewrite_body  # noqa: E402


def test_every_shape_of_export_gives_its_article_versions():
    single = json.dumps({"article": {"id": 360001, "locale": "en-us", "title": "A", "body": "<p>a</p>"}})
    page = json.dumps({"articles": [{"id": 360001, "locale": "en-us", "body": "<p>a</p>"}, {"id": 360001, "locale": "zh-tw", "body": None, "title": "甲"}], "next_page": None})
    translations = json.dumps({"translations": [{"id": 9, "source_id": 360001, "source_type": "Article", "locale": "zh-cn", "body": "<p>甲</p>"}]})
    lines = "\n".join(json.dumps({"id": n, "locale": "en-us", "body": f"<p>{n}</p>"}) for n in (360001, 360002)) + "\n"
    intercom = json.dumps({"id": 77, "translated_content": {"type": "group_translated_content", "fr": {"title": "B", "body": "<p>b</p>"}, "zh-TW": {"title": "乙", "body": "<p>乙</p>"}}})
    assert [(m.key, m.body) for m in read_container(single)] == [("en-us/360001", "<p>a</p>")]
    assert [(m.key, m.body, m.written) for m in read_container(page)] == [("en-us/360001", "<p>a</p>", True), ("zh-tw/360001", "", False)]
    assert [(m.key, m.metadata["id"]) for m in read_container(translations)] == [("zh-cn/360001", 360001)]
    assert [m.key for m in read_container(lines)] == ["en-us/360001", "en-us/360002"]
    assert [m.key for m in read_container(intercom)] == ["fr/77", "zh-TW/77"]
    assert read_container(json.dumps({"name": "package", "version": "1.0"})) == []
    assert all(m.raw is not None for text in (single, page, lines, intercom) for m in read_container(text) if m.written)


def test_a_body_is_rewritten_in_the_files_own_escaping_and_nothing_else_changes():
    for ensure_ascii in (True, False):
        text = json.dumps({"articles": [{"id": 1, "body": "<p>Open the the page 😀 頁</p>", "title": "x"}, {"id": 2, "body": "<p>二</p>"}]}, ensure_ascii=ensure_ascii, indent=1)
        first, second = read_container(text)
        new = rewrite_body(text, first, "<p>Open the page 😀 頁 & “more”</p>")
        assert json.loads(new)["articles"][0]["body"] == "<p>Open the page 😀 頁 & “more”</p>"
        assert new.replace("the page", "the the page", 1).replace(" & \\u201cmore\\u201d" if ensure_ascii else " & “more”", "") == text
    slashes = '{"article": {"id": 1, "body": "<a href=\\"http:\\/\\/x\\">a a<\\/a>"}}'
    (member,) = read_container(slashes)
    assert rewrite_body(slashes, member, member.body.replace("a a", "a")) == slashes.replace("a a", "a")


def _export(tmp_path, body_zh: str = "<p>開啟设定頁面。</p>") -> KB:
    kb = KB(tmp_path)
    articles = [
        {"id": 360000001, "locale": "en-us", "title": "Settings", "body": "<p>Open the\nthe settings page.</p>\n<p>See <a href=\"/hc/en-us/articles/360000404\">this</a>.</p>", "html_url": "https://help.example.com/hc/en-us/articles/360000001", "edited_at": "2026-01-02T00:00:00Z"},
        {"id": 360000001, "locale": "zh-tw", "title": "設定", "body": body_zh, "html_url": "https://help.example.com/hc/zh-tw/articles/360000001", "edited_at": "2026-01-01T00:00:00Z", "outdated": True},
    ]
    kb.write("export/articles.json", json.dumps({"articles": articles, "next_page": None}, indent=2, ensure_ascii=False) + "\n")
    return kb


def test_the_articles_of_an_export_are_linted_at_their_place_in_the_body(tmp_path):
    kb = _export(tmp_path)
    found = kb.lint("repeated-word", "broken-reference", "mixed-script", "translation-outdated")
    assert where(found) == [
        ("export/articles.json/en-us/360000001.html", 1, 9, "repeated-word"),
        ("export/articles.json/en-us/360000001.html", 3, 8, "broken-reference"),
        ("export/articles.json/zh-tw/360000001.html", 1, 1, "translation-outdated"),
        ("export/articles.json/zh-tw/360000001.html", 1, 6, "mixed-script"),
    ]


def test_fix_rewrites_only_the_bodies_of_an_export(tmp_path):
    from helpers import registry
    from kblint.run.fix import fix
    from kblint.run.settings import load_config

    _export(tmp_path)
    before = (tmp_path / "export/articles.json").read_text("utf-8")
    config = load_config(tmp_path / "kblint.yaml", tmp_path)
    report = fix([tmp_path], config, registry().select(["mixed-script", "repeated-word"], []), unsafe=True, diff_only=True)
    assert (tmp_path / "export/articles.json").read_text("utf-8") == before
    assert any("+<p>開啟設定頁面。</p>" in patch for patch in report.diffs)
    fix([tmp_path], config, registry().select(["mixed-script", "repeated-word"], []), unsafe=True)
    after = (tmp_path / "export/articles.json").read_text("utf-8")
    assert after == before.replace("设定", "設定").replace("Open the\\nthe settings", "Open the settings")


def test_fix_refuses_an_export_whose_bodies_cannot_be_placed(tmp_path):
    from helpers import registry
    from kblint.run.fix import fix
    from kblint.run.settings import load_config

    _export(tmp_path)
    path = tmp_path / "export/articles.json"
    data = json.loads(path.read_text("utf-8"))
    data["articles"][1]["user_segment"] = {"body": "not an article's"}  # a third "body" string
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    before = path.read_bytes()
    config = load_config(tmp_path / "kblint.yaml", tmp_path)
    report = fix([tmp_path], config, registry().select(["mixed-script"], []), unsafe=True)
    assert path.read_bytes() == before
    assert any("could not be rewritten in the export's JSON" in error for error in report.errors)
    shown = fix([tmp_path], config, registry().select(["mixed-script"], []), unsafe=True, diff_only=True)
    assert any("+<p>開啟設定頁面。</p>" in patch for patch in shown.diffs)


def test_the_sample_help_center_reports_each_planted_defect_where_it_is():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.run([sys.executable, "-m", "kblint", "examples/helpcenter/"], cwd=ROOT, capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL)
    assert process.returncode == 1
    expected = (ROOT / "examples/expected-helpcenter.txt").read_text("utf-8")
    assert process.stdout == expected, "run: python -m kblint examples/helpcenter/ > examples/expected-helpcenter.txt, and review the diff"
    names = {line.split(" ")[2] for line in process.stdout.splitlines()}
    assert names == {"broken-reference", "self-reference", "translation-outdated", "broken-anchor", "mojibake", "mixed-script"}
    assert "flagged outdated in the help center" in process.stdout and "possibly outdated" in process.stdout


def test_the_health_report_links_each_article_to_its_page(tmp_path):
    import shutil

    from kblint.output.report import build
    from kblint.output.report_html import render

    root = tmp_path / "helpcenter"
    shutil.copytree(ROOT / "examples/helpcenter", root)
    data = build([root], use_cache=False)
    assert data.addresses["zh-tw/360010000001.html"] == "https://help.vaultline.example/hc/zh-tw/articles/360010000001"
    assert data.addresses["export/articles.json/zh-cn/360010000003.html"] == "https://help.vaultline.example/hc/zh-cn/articles/360010000003"
    assert [o.translation for o in data.outdated] == ["export/articles.json/zh-cn/360010000003.html", "zh-tw/360010000001.html"]
    page = render(data)
    assert '<a href="https://help.vaultline.example/hc/zh-tw/articles/360010000001">zh-tw/360010000001.html</a>' in page


def test_an_editor_session_lints_html_where_the_knowledge_base_is_an_export(tmp_path):
    from kblint.run.session import Session

    (tmp_path / "export").mkdir()
    export = _help_center(tmp_path / "export")
    session = Session(export.root, use_cache=False, config_file=None)
    page = export.root / "zh-tw/360000001.html"
    assert session.reads_as_article(page)
    linted = session.lint(page, page.read_text("utf-8").replace("請先", "请先"))
    assert ("mixed-script", 2) in {(f.name, f.line) for f in linted.findings}
    (tmp_path / "docs").mkdir()
    docs = KB(tmp_path / "docs")
    docs.write("en/guide.md", "---\ntitle: Guide\n---\n\nSee [the page](page.html).\n")
    docs.write("en/page.html", "<p>A page of the site.</p>")
    session = Session(docs.root, use_cache=False, config_file=None)
    assert session.reads_as_article(docs.root / "en/guide.md")
    assert not session.reads_as_article(docs.root / "en/page.html")


def test_a_draft_translation_is_counted_apart(tmp_path):
    from kblint.output.translations import report
    from kblint.run.settings import load_config

    kb = _help_center(tmp_path)
    kb.write("zh-cn/360000001.json", json.dumps({"draft": True, "edited_at": "2026-03-09T00:00:00Z"}))
    rows = {row.locale: row for row in report([tmp_path], load_config(tmp_path / "kblint.yaml", tmp_path))}
    assert (rows["zh-Hans"].translated, rows["zh-Hans"].drafts, rows["zh-Hans"].missing) == (0, 1, 1)
    assert (rows["zh-Hant"].translated, rows["zh-Hant"].drafts, rows["zh-Hant"].missing) == (1, 0, 1)


def _kblint(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "kblint", *args], cwd=cwd, capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL)


def test_outputs_name_the_article_and_annotations_point_into_the_export_file():
    findings = json.loads(_kblint("--format", "json", "--no-cache", "examples/helpcenter/").stdout)["findings"]
    mojibake = next(f for f in findings if f["name"] == "mojibake")
    assert mojibake["path"] == "examples/helpcenter/export/articles.json/zh-tw/360010000003.html"
    assert mojibake["article"] == {"id": "360010000003", "locale": "zh-Hant", "title": "共用保管庫", "html_url": "https://help.vaultline.example/hc/zh-tw/articles/360010000003"}
    annotations = _kblint("--format", "github", "--no-cache", "examples/helpcenter/").stdout.splitlines()
    line = next(a for a in annotations if "mojibake" in a)
    assert line.startswith("::error file=examples/helpcenter/export/articles.json,line=33,col=69,")
    assert "article 360010000003 (zh-tw): replacement character" in line
    written = (ROOT / "examples/helpcenter/export/articles.json").read_text("utf-8").splitlines()[32]
    assert written[68] == "\ufffd"


def test_the_help_centers_hosts_are_learned_from_the_whole_export(tmp_path):
    """Zendesk's backup recipe keeps no html_url: links on the help center's own host are
    known by the ids they name, and another help center's links are not references."""
    kb = KB(tmp_path)
    kb.write("en-us/360000001.html", '<h1>One</h1>\n<p><a href="https://support.example.com/hc/en-us/articles/360000002-Two">Two</a>, '
             '<a href="https://support.example.com/hc/en-us/articles/360000404">gone</a>, '
             '<a href="https://help.other.example/hc/en-us/articles/987654321">theirs</a>.</p>\n')
    kb.write("en-us/360000002.html", '<h1>Two</h1>\n<p><a href="https://support.example.com/hc/en-us/articles/360000002#nowhere">here</a>.</p>\n')
    found = kb.lint("broken-reference", "broken-anchor", "self-reference")
    assert where(found) == [("en-us/360000001.html", 2, 83, "broken-reference"), ("en-us/360000002.html", 2, 13, "broken-anchor")]


def test_an_export_beside_markdown_is_read_by_its_shape(tmp_path):
    """A help-center backup with a README: the numeric HTML files and those with metadata are
    still articles; a site's own page is not."""
    kb = KB(tmp_path)
    kb.write("README.md", "---\ntitle: Our help center backup\n---\n\nRestored nightly.\n")
    kb.write("en-us/360000001.html", "<h1>One</h1>\n<p>The the start.</p>\n")
    kb.write("en-us/360000002/index.html", "<h1>Two</h1>\n<p>The the middle.</p>\n")
    kb.write("en-us/three.html", "<h1>Three</h1>\n<p>The the end.</p>\n")
    kb.write("en-us/three.json", json.dumps({"id": 360000003, "title": "Three"}))
    kb.write("site/about.html", "<p>The the site.</p>")
    assert [f.path for f in kb.lint("repeated-word")] == ["en-us/360000001.html", "en-us/360000002/index.html", "en-us/three.html"]


def test_an_html_article_has_the_anchors_it_gives_itself_and_no_slugs(tmp_path):
    kb = KB(tmp_path)
    kb.write("en-us/360000001.html", '<h1>One</h1>\n<h2 id="h_01AB">Buyers</h2>\n<h2>Vendors</h2>\n<p>Text.</p>\n')
    kb.write("en-us/360000002.html", '<h1>Two</h1>\n<p><a href="/hc/en-us/articles/360000001#h_01AB">Buyers</a>, '
             '<a href="/hc/en-us/articles/360000001#vendors">Vendors</a>, <a href="/hc/en-us/articles/360000001#Vendors">again</a>.</p>\n')
    found = kb.lint("broken-anchor")
    assert [(f.line, f.message.split(" in ")[0]) for f in found] == [(2, "no heading or anchor #vendors"), (2, "no heading or anchor #Vendors")]


def test_a_whole_pages_chrome_is_not_the_article():
    text = (
        "<!DOCTYPE html><html lang=\"en\"><body>\n<header><nav><a href=\"/hc/en-us/articles/360000404\">Home</a> Signin signin</nav></header>\n"
        "<main><article><h1>Title</h1>\n<p>The body.</p></article>\n"
        "<aside><h3>Related articles</h3><ul><li><a href=\"/hc/en-us/articles/360000405\">Other</a></li></ul></aside></main>\n"
        "<footer><form><p>Was this article helpful?</p></form></footer></body></html>"
    )
    body, meta = _body(text)
    assert [span.text for span in body.prose] == ["Title", "The body."]
    assert body.links == [] and meta.data["lang"] == "en"
    fragment, _ = _body("<h1>Title</h1><aside><p>A note kept in the body.</p></aside>")
    assert [span.text for span in fragment.prose] == ["Title", "A note kept in the body."]


def test_an_html_article_without_a_title_is_told_where_one_goes(tmp_path):
    kb = KB(tmp_path)
    kb.write("en-us/360000001.html", "<p>No heading at all.</p>\n")
    kb.write("en-us/360000002.html", "<p>A title in the metadata.</p>\n")
    kb.write("en-us/360000002.json", json.dumps({"title": "Two"}))
    (finding,) = kb.lint("front-matter")
    assert finding.path == "en-us/360000001.html"
    assert finding.message == "nothing gives the article its 'title': set 'title' in its metadata file (or, for the title, open it with <h1>)"
