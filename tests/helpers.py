"""Helpers shared by the tests: write a small knowledge base, lint it, look at the findings."""

from __future__ import annotations

import textwrap
from pathlib import Path

from kblint.run.settings import load_config
from kblint.run.engine import run
from kblint.rules.packs import load_packs
from kblint.rules.registry import Registry, builtin_rules

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
# A Docusaurus site that serves docs/ at the site's root.
DOCUSAURUS_DOCS_AT_ROOT = "export default {presets: [['classic', {docs: {routeBasePath: '/'}}]]};\n"


def article(article_id: str, lang: str, title: str, body: str) -> str:
    return f"---\nid: {article_id}\nlang: {lang}\ntitle: {title}\n---\n\n" + textwrap.dedent(body).lstrip("\n")


def registry(extra_packs=()) -> Registry:
    return Registry([*builtin_rules(), *load_packs(list(extra_packs))])


class KB:
    """A knowledge base in a temporary folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "kblint.yaml").write_text("source_locale: en\nlocales: [en, zh-Hant, zh-Hans]\n", "utf-8")

    def config(self, text: str) -> "KB":
        (self.root / "kblint.yaml").write_text(text, "utf-8")
        return self

    def write(self, relpath: str, content: str | bytes) -> Path:
        path = self.root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8"))
        return path

    def add(self, article_id: str, lang: str, title: str, body: str, folder: str | None = None) -> Path:
        return self.write(f"{folder or lang}/{article_id}.md", article(article_id, lang, title, body))

    def check(self, rule: str, body: str, lang: str = "en") -> list[tuple[int, int, str]]:
        """Write ``body`` as article KB1 in ``lang`` and lint it with ``rule``:
        (line, column, message) of each finding. The body starts on line 7."""
        self.add("KB1", lang, "Title", body)
        return [(f.line, f.column, f.message) for f in self.lint(rule)]

    def lint(self, *rules: str, paths: list[str] | None = None):
        config = load_config(self.root / "kblint.yaml", self.root)
        reg = registry(config.packs)
        selected = reg.select(list(rules), []) if rules else reg.select([], [])
        targets = [self.root / p for p in paths] if paths else [self.root]
        return run(targets, config, selected).findings


def where(findings) -> list[tuple[str, int, int, str]]:
    """Findings as (path, line, column, name), for compact assertions."""
    return [(f.path, f.line, f.column, f.name) for f in findings]


def write_files(root: Path, files: dict[str, str]) -> None:
    """Write each of ``files`` (relative path: text) under ``root``, folders made as needed."""
    for relpath, text in files.items():
        path = root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
