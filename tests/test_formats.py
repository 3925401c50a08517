"""The format registry: the one place that knows a file's suffix, and a neutral body."""

import ast
from pathlib import Path

from kblint.formats.markdown import parse_markdown
from kblint.formats.registry import ARTICLE_SUFFIXES, HTML, MARKDOWN, MDX, TEXT, format_for, format_of_text, without_article_suffix
from kblint.model.body import BLOCK_KINDS
from kblint.model.text import LineIndex

PACKAGE = Path(__file__).resolve().parent.parent / "kblint"
SUFFIX_WORDS = {".md", ".mdx", ".markdown", ".html", ".htm"}


def test_each_file_is_read_by_the_format_its_suffix_names():
    assert format_for("en/help/Setup.MD") is MARKDOWN
    assert format_for("docs/intro.markdown") is MARKDOWN
    assert format_for("i18n/zh/page.mdx") is MDX
    assert format_for("en-us/360001234567.html") is HTML
    assert format_for("dump/article.TXT") is TEXT
    assert format_for("export.csv") is None
    assert format_for("page.md.bak") is None
    assert without_article_suffix("a/b.mdx") == "a/b"
    assert without_article_suffix("a/b.txt") == "a/b.txt"
    assert ARTICLE_SUFFIXES[0] == ".md"  # the commonest is tried first where a link leaves it out


def test_markdown_that_imports_components_is_read_as_mdx():
    """Docusaurus reads .md as MDX: a page that imports a component on a line of its own is
    written in MDX, and its JSX is markup, not text a translation must translate."""
    page = "# Install\n\nimport Tabs from '@theme/Tabs';\nimport { Note } from \"../notes\"\n\n<Tabs\ngroupId=\"os\"\nvalues={[\n{label: 'Linux', value: 'linux'},\n]}>\n\nRun the installer.\n\n</Tabs>\n"
    assert format_of_text("docs/install.md", page) is MDX
    body = parse_markdown(page, LineIndex(page), 1, mdx=True)
    assert [span.text for span in body.prose] == ["Install", "Run the installer."]
    # An import shown in a fence, or written in a sentence, is no import of the page's.
    shown = "# Use it\n\n```js\nimport Tabs from '@theme/Tabs';\n```\n\nThen import Tabs from the theme.\n"
    assert format_of_text("docs/use.md", shown) is MARKDOWN
    vue = "<script setup>\nimport { ref } from 'vue'\nconst count = ref(0)\n</script>\n\n# Counter\n\nClicked {{ count }} times.\n"
    assert format_of_text("guide/counter.md", vue) is MARKDOWN  # VitePress: Vue in Markdown
    # Fences and scripts before an import are counted: one that has closed holds it no more.
    examples = "".join(f"```js\nimport Part{n} from './part{n}';\n```\n\n" for n in range(40))
    assert format_of_text("docs/parts.md", examples) is MARKDOWN
    assert format_of_text("docs/parts.md", examples + "import Tabs from '@theme/Tabs';\n") is MDX
    assert format_of_text("guide/counter.md", vue + "\nimport Tabs from '@theme/Tabs';\n") is MDX
    assert format_of_text("guide/counter.md", "<script>\n" + examples) is MARKDOWN
    assert format_of_text("docs/page.html", page) is HTML


def test_no_module_outside_formats_names_a_suffix():
    # A suffix written anywhere else is a second list that a new format would have to find.
    found = []
    for path in PACKAGE.rglob("*.py"):
        if path.parent.name == "formats":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.lower() in SUFFIX_WORDS:
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {node.value!r}")
    assert found == []


def test_block_kinds_are_the_bodys_not_the_parsers():
    text = (
        "# Title\n\nText.\n\n> quoted\n\n- one\n- two\n\n  loose\n\n1. step\n\n---\n\n"
        "```sh\ncode\n```\n\n    indented\n\n<div>raw</div>\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n[label]: https://example.com\n"
    )
    body = parse_markdown(text, LineIndex(text))
    kinds = {block.kind for block in body.blocks}
    assert kinds <= BLOCK_KINDS
    assert {"heading", "paragraph", "quote", "list", "list_item", "rule", "code", "html", "table"} <= kinds
