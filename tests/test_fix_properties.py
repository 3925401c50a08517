"""--fix keeps every link a link: generated articles with inline, full, collapsed and shortcut
reference links, footnotes, MDX expressions and headings that links name, with defects the
fixing rules mend planted in them; after --fix (and --unsafe-fixes), a CommonMark reader
(markdown-it-py) finds every link with its destination, and code and expressions unchanged."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from helpers import registry
from kblint.run.settings import load_config
from kblint.run.fix import fix

_COMMONMARK = MarkdownIt("commonmark")

# Pieces of a Simplified Chinese article: (text, definitions). {n} numbers labels apart.
_CHINESE = [
    ("请看[安装](../../zh-Hans/help/install.md#step)与[原文](../../en/help/install.md)。", ""),
    ("请看[安装步骤][w{n}]，然后继续。", "[w{n}]: ../../en/help/install.md"),
    ("见[说明,步骤{n}][]与[说明,步骤{n}]。", "[说明,步骤{n}]: <../../en/help/install.md> \"标题\""),
    ("见[旧页{n}]。", "[旧页{n}]: /help/old.md#step"),
    ("参见[旧页](/help/old.md#step)与[旧页二](old.md)。", ""),
    ("保存好,然后继续(高级)设置。", ""),
    ("这是脚注[^f{n}]。", "[^f{n}]: 注释,说明。"),
    ("运行 `a,b(c)` 命令,然后继续。", ""),
    ("```\n保存好,然后(继续)\n```", ""),
    ("转义\\(注意)与说明\\,然后继续。", ""),
    ("## 安装,设置{n}\n\n见[上文](#安装设置{n})。", ""),
    ("## 其他,说明{n}", ""),
]
# And of an English one.
_ENGLISH = [
    ("We recieve it and teh rest.", ""),
    ("See [recieve item {n}] and [recieve item {n}][].", "[recieve item {n}]: https://example.com/recieve"),
    ("See [teh guide](https://example.com/teh) and [the old page][r{n}].", "[r{n}]: /help/old.md"),
    ("## Teh setup {n}\n\nRead [the setup](#teh-setup-{n}).", ""),
    ("## Teh other part {n}", ""),
    ("Run `recieve teh` now.", ""),
    ("A note[^n{n}] here.", "[^n{n}]: It occured once."),
    ("Do [the step][s{n}] first.", "[s{n}]: install.md#Step"),
]
_EXPRESSIONS = ["{fmt(teh, occured)}", "{props.recieve}", "{`${a},b(c)`}"]


def _body(pieces: list[tuple[str, str]], expressions: list[str]) -> str:
    paragraphs, definitions = [], []
    for n, (text, definition) in enumerate(pieces):
        paragraphs.append(text.replace("{n}", str(n)))
        if definition:
            definitions.append(definition.replace("{n}", str(n)))
    paragraphs.extend(f"Value {e} here, teh end." for e in expressions)
    return "# Title\n\n" + "\n\n".join(paragraphs) + "\n\n" + "\n".join(definitions) + "\n"


def _knowledge_base(root: Path) -> None:
    # GitHub heading ids, as configured: a case-only anchor fix is then safe (a guessed scheme is not)
    # Full-width brackets as the house style: their fix is then safe too.
    (root / "kblint.yaml").write_text("source_locale: en\nlocales: [en, zh-Hans]\nheading_ids: github\ncjk_brackets: full-width\n", "utf-8")
    (root / "redirects.csv").write_text("/help/old.md,/help/new.md\n", "utf-8")
    for locale, title in (("en", "Install"), ("zh-Hans", "安装")):
        (root / locale / "help").mkdir(parents=True)
        for name in ("install", "new"):
            (root / locale / "help" / f"{name}.md").write_text(f"# {title}\n\n## Step\n\nText.\n", "utf-8")


def _links(text: str) -> list[tuple[str, str]]:
    """(destination, text) of every link, in order, as CommonMark reads them."""
    found = []
    for block in _COMMONMARK.parse(text):
        children = block.children or []
        for k, token in enumerate(children):
            if token.type == "link_open":
                label = children[k + 1].content if k + 1 < len(children) else ""
                found.append((token.attrs.get("href", ""), label))
    return found


def _code(text: str) -> list[str]:
    found = []
    for block in _COMMONMARK.parse(text):
        if block.type in ("fence", "code_block", "html_block"):
            found.append(block.content)
        found.extend(child.content for child in block.children or () if child.type in ("code_inline", "html_inline"))
    return found


_MOVED = {  # destinations the fixes rewrite, and what they become, as CommonMark normalizes them
    _COMMONMARK.normalizeLink(old): _COMMONMARK.normalizeLink(new)
    for old, new in [
        ("../../en/help/install.md", "install.md"),
        ("/help/old.md#step", "/help/new.md#step"),
        ("/help/old.md", "/help/new.md"),
        ("old.md", "new.md"),
        ("install.md#Step", "install.md#step"),
    ]
}


_MENDED = {"We recieve it and teh rest.": "We receive it and t",  # "teh" alone: its fix may be unsafe
           "保存好,然后继续(高级)设置。": "保存好，然后继续（高级）设置。"}


def _check(before: str, after: str, expressions: list[str]) -> None:
    old_links, new_links = _links(before), _links(after)
    assert len(new_links) == len(old_links), after
    for (old_href, old_text), (new_href, new_text) in zip(old_links, new_links):
        assert new_href == _MOVED.get(old_href, old_href), (old_href, new_href, after)
        if old_text.startswith(("说明,", "recieve", "旧页")):
            assert new_text == old_text  # a reference label stays as its definition spells it
    assert _code(after) == _code(before)
    for defect, mended in _MENDED.items():
        # A word the article also uses elsewhere (a label, a URL) may be a term: no safe fix.
        if defect in before and not (defect.startswith("We") and before.count("recieve") > 1):
            assert mended in after, after
    for expression in expressions:
        assert after.count(expression) == before.count(expression)
    for line in before.splitlines():
        if line.startswith("## ") and ("安装,设置" in line or "Teh setup" in line):
            assert line in after.splitlines(), line  # links name its anchor


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(_CHINESE), min_size=1, max_size=6),
    st.lists(st.sampled_from(_ENGLISH), min_size=1, max_size=5),
    st.lists(st.sampled_from(_EXPRESSIONS), max_size=2),
    st.booleans(),
    st.booleans(),
)
def test_fixes_keep_every_link_and_all_code(tmp_path_factory, chinese, english, expressions, mdx, unsafe):
    root = tmp_path_factory.mktemp("kb")
    _knowledge_base(root)
    suffix = ".mdx" if mdx else ".md"
    articles = {
        root / "zh-Hans" / "help" / f"page{suffix}": (_body(chinese, expressions if mdx else []), expressions if mdx else []),
        root / "en" / "help" / f"page{suffix}": (_body(english, expressions if mdx else []), expressions if mdx else []),
    }
    for path, (body, _) in articles.items():
        path.write_text(body, "utf-8")
    config = load_config(root / "kblint.yaml", root)
    rules = [r for r in registry().select(["ALL"], []) if r.fix != "none"]
    fix([root], config, rules, unsafe=unsafe)
    for path, (body, planted) in articles.items():
        _check(body, path.read_text("utf-8"), planted)
