"""Front matter: YAML between ``---`` lines, or TOML between ``+++`` lines (Hugo's), or a ```yaml
block that opens the file and titles the page (Arco Design's), located by line, loaded safely,
and bounded."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from kblint.model.body import ProseSpan
from kblint.model.text import LineIndex



@dataclass
class FrontMatter:
    """A file's front matter: its data, its lines, and the problems met reading it."""

    data: dict[str, Any] = field(default_factory=dict)
    start_line: int = 0  # the opening "---" (0 when there is no front matter)
    end_line: int = 0  # the closing "---"
    body_line: int = 1  # first line of the Markdown body
    # Problems: (line, column, message) with 1-based positions in the file.
    problems: list[tuple[int, int, str]] = field(default_factory=list)
    key_lines: dict[str, int] = field(default_factory=dict)  # top-level key -> its line
    separator: str = ":"  # between a key and its value: "=" in TOML

    @property
    def present(self) -> bool:
        return self.start_line > 0


# A line of a simple front matter: a key and a plain value that YAML reads as one scalar (no
# indicator first, no ": ", " #", flow characters or quotes anywhere). Most articles' front
# matter is nothing else, and such lines skip the YAML parser; their keys and values still go
# through PyYAML's own resolver and constructors, so that the result is what it would give.
_SIMPLE_LINE = re.compile(
    r"([A-Za-z_][A-Za-z0-9_-]{0,100}):(?: +([^\s#:'\"{}\[\],&*!|>%@`?-](?:[^#:'\"{}\[\],\t]{0,1000}[^\s#:'\"{}\[\],])?))? *"
)


# A line whose value is quoted text (`title: "Setup: step two"`) or a list of it (`tags:
# ["networking", ""]`), without escapes: YAML reads a quoted scalar as text, as it is written.
_QUOTED_LINE = re.compile(r"""([A-Za-z_][A-Za-z0-9_-]{0,100}): +(?:("[^"\\]*"|'[^']*')|\[ *((?:"[^"\\]*"|'[^']*')(?: *, *(?:"[^"\\]*"|'[^']*'))*)? *\]) *""")
_QUOTED = re.compile(r""""([^"\\]*)"|'([^']*)'""")

@cache
def _yaml() -> tuple[Any, Any, Any]:
    """The YAML library, its resolver and its safe constructor, imported when a file first
    has front matter: importing it costs 13 ms, a tenth of a run of one file that has none."""
    import yaml

    return yaml, yaml.resolver.Resolver(), yaml.constructor.SafeConstructor()


@lru_cache(maxsize=4096)  # languages, dates and flags repeat across a knowledge base
def _simple_scalar(value: str) -> Any:
    yaml, resolver, constructor = _yaml()
    tag = resolver.resolve(yaml.ScalarNode, value, (True, False))
    return constructor.yaml_constructors[tag](constructor, yaml.ScalarNode(tag, value))


def _load_simple(lines: list[str]) -> dict[Any, Any] | None:
    """The mapping of a front matter made only of simple lines, else None (YAML decides)."""
    data: dict[Any, Any] = {}
    for line in lines:
        if not line:
            continue
        if not line.isprintable():
            return None
        m = _SIMPLE_LINE.fullmatch(line)
        if m is not None:
            data[_simple_scalar(m.group(1))] = _simple_scalar(m.group(2) or "")
            continue
        m = _QUOTED_LINE.fullmatch(line)
        if m is None:
            return None
        if m.group(2) is not None:
            data[_simple_scalar(m.group(1))] = _quoted_text(m.group(2))
        else:
            data[_simple_scalar(m.group(1))] = [_quoted_text(q.group(0)) for q in _QUOTED.finditer(m.group(3) or "")]
    return data


def _quoted_text(quoted: str) -> str:
    """A quoted scalar without escapes as YAML reads it: its text (in single quotes, ''
    is one quote; the pattern admits none)."""
    return quoted[1:-1]


def _is_fence(line: str) -> bool:
    return line.rstrip(" \t") == "---"


def parse_front_matter(text: str, index: LineIndex, after_blank_lines: bool = False) -> FrontMatter:
    """Find and load the front matter at the top of ``text`` (a BOM is already removed); with
    ``after_blank_lines``, after the blank lines that open it too (Hugo reads it there)."""
    first = _first_line_after_blank_lines(text, index) if after_blank_lines and text[:1] in ("\n", "\r", " ", "\t") else 1
    opening = index.line_text(first).rstrip(" \t")
    if opening == "+++":
        return _toml_front_matter(text, index, first)
    if first == 1 and text[:1] in ("`", "\n", "\r") and text.lstrip("\r\n").startswith("```yaml"):  # (no copy of every text)
        return _fenced_front_matter(text, index)
    if opening != "---":
        return FrontMatter()
    return _yaml_front_matter(text, index, first)


def _first_line_after_blank_lines(text: str, index: LineIndex) -> int:
    """The first line of ``text`` that holds more than spaces (1 where there is none)."""
    line = 1
    while line < index.line_count and not index.line_text(line).strip():
        line += 1
    return line


def _yaml_front_matter(text: str, index: LineIndex, first: int) -> FrontMatter:
    """The YAML front matter opened by ``---`` on line ``first``."""
    closing = 0
    for line in range(first + 1, index.line_count + 1):
        content = index.line_text(line)
        if _is_fence(content) or content.rstrip(" \t") == "...":
            closing = line
            break
    if not closing:
        return FrontMatter(
            start_line=first,
            end_line=0,
            body_line=first,
            problems=[(first, 1, "front matter opened with '---' is never closed")],
        )
    front = FrontMatter(start_line=first, end_line=closing, body_line=closing + 1)
    yaml = _yaml()[0]
    try:
        simple = _load_simple([index.line_text(line) for line in range(first + 1, closing)])
    except (yaml.YAMLError, ValueError, OverflowError):  # e.g. 2026-13-45: let YAML report it
        simple = None
    if simple is not None:
        return _with_data(front, simple or None, index)
    source = text[index.line_start(first + 1) : index.line_start(closing)]
    from kblint.formats import yamlsafe

    try:
        data = yamlsafe.load(source)  # aliases bounded by what they expand to
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first + 1 + (mark.line if mark else 0)
        column = 1 + (mark.column if mark else 0)
        problem = (error.problem or error.context or "invalid YAML").strip()
        front.problems.append((min(line, closing), column, f"front matter is not valid YAML: {problem}"))
        return front
    except (yaml.YAMLError, RecursionError, ValueError) as error:
        front.problems.append((first, 1, f"front matter is not valid YAML: {type(error).__name__}"))
        return front
    return _with_data(front, data, index)


# What a YAML block that opens a file says when it is the page's front matter, not an example.
_FENCED_KEYS = frozenset({"title", "changelog", "meta"})


def _fenced_front_matter(text: str, index: LineIndex) -> FrontMatter:
    """A ```yaml block that opens the file and gives a page's title (or marks a change log),
    as Arco Design's documentation tool reads it (after blank lines, which its parser passes
    over); any other is code, and no front matter."""
    opening = index.position(len(text) - len(text.lstrip("\r\n")))[0]
    if index.line_text(opening).rstrip(" \t") != "```yaml":
        return FrontMatter()
    closing = next((line for line in range(opening + 1, min(index.line_count, opening + 200) + 1) if index.line_text(line).rstrip(" \t") == "```"), 0)
    if not closing:
        return FrontMatter()
    yaml = _yaml()[0]
    from kblint.formats import yamlsafe

    try:
        data = yamlsafe.load(text[index.line_start(opening + 1) : index.line_start(closing)])
    except (yaml.YAMLError, RecursionError, ValueError):
        return FrontMatter()
    if not isinstance(data, dict) or not _FENCED_KEYS.intersection(map(str, data)):
        return FrontMatter()
    return _with_data(FrontMatter(start_line=opening, end_line=closing, body_line=closing + 1), data, index)


# Where tomllib says a problem is: "… (at line 3, column 7)", counted from the text it read.
_TOML_PLACE = re.compile(r"\(at line (\d+), column (\d+)\)")


def _toml_front_matter(text: str, index: LineIndex, first: int = 1) -> FrontMatter:
    """Hugo's TOML front matter between ``+++`` lines, the first on line ``first``."""
    import tomllib

    closing = next((line for line in range(first + 1, index.line_count + 1) if index.line_text(line).rstrip(" \t") == "+++"), 0)
    if not closing:
        return FrontMatter(start_line=first, body_line=first, problems=[(first, 1, "front matter opened with '+++' is never closed")], separator="=")
    front = FrontMatter(start_line=first, end_line=closing, body_line=closing + 1, separator="=")
    try:
        data = tomllib.loads(text[index.line_start(first + 1) : index.line_start(closing)])
    except (tomllib.TOMLDecodeError, RecursionError, ValueError) as error:
        message = str(error)
        place = _TOML_PLACE.search(message)
        line, column = (first + int(place.group(1)), int(place.group(2))) if place else (first, 1)
        problem = _TOML_PLACE.sub("", message).strip() or "invalid TOML"
        front.problems.append((min(line, closing), column, f"front matter is not valid TOML: {problem}"))
        return front
    return _with_data(front, data, index)


def _with_data(front: FrontMatter, data: Any, index: LineIndex) -> FrontMatter:
    closing = front.end_line
    if data is None:
        data = {}
    if not isinstance(data, dict):
        front.problems.append((front.start_line + 1, 1, f"front matter must be a mapping of keys to values, not a {type(data).__name__}"))
        return front
    front.data = {str(k): v for k, v in data.items()}
    separator = front.separator
    for line in range(front.start_line + 1, closing):
        content = index.line_text(line)
        if separator == "=" and content.startswith("["):
            break  # a TOML table: the keys after it are its own
        if content and not content[0].isspace() and separator in content and not content.startswith("#"):
            key = content.split(separator, 1)[0].strip().strip("'\"")
            front.key_lines.setdefault(key, line)
    _fold_known_keys(front)
    return front


# The keys kblint reads as an article's own (its title, id and language), whatever their case:
# Hugo reads front matter keys so, and a site's "Title: Pod" is its title.
KNOWN_KEYS = ("title", "description", "id", "lang", "locale", "language")


def _fold_known_keys(front: FrontMatter) -> None:
    """``front``'s known keys also under their own name where written in another case."""
    for written in list(front.data):
        key = written.lower()
        if key != written and key in KNOWN_KEYS and key not in front.data:
            front.data[key] = front.data[written]
            if written in front.key_lines:
                front.key_lines[key] = front.key_lines[written]


# Front matter values that readers read, checked as prose by the text rules.
PROSE_KEYS = ("title", "description")


def prose_values(front: FrontMatter, index: LineIndex) -> list:
    """The title and description of ``front`` as prose spans at their exact place, where the
    value is one line: plain, or quoted without escapes (so that each character of the value
    is a character of the file)."""
    spans = []
    for key in PROSE_KEYS:
        value = front.data.get(key)
        line = front.key_lines.get(key)
        if not isinstance(value, str) or not value.strip() or line is None:
            continue
        text = index.line_text(line)
        colon = text.find(front.separator)
        raw = text[colon + 1 :].strip(" \t")
        start = colon + 1 + (len(text[colon + 1 :]) - len(text[colon + 1 :].lstrip(" \t")))
        if raw[:1] in ("'", '"'):
            quote = raw[0]
            if len(raw) < 2 or raw[-1] != quote or "\\" in raw or quote * 2 in raw[1:-1]:
                continue
            raw, start = raw[1:-1], start + 1
        if raw != value:
            continue  # a block scalar, a comment, an escape: not one piece of the file
        spans.append(ProseSpan("front_matter", value, line, line, _text_starts=[0], _src_starts=[index.line_start(line) + start]))
    return spans


_COMPONENT_NAME = re.compile(r"[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+")


def names_a_component_layout(data: dict) -> bool:
    """Does the front matter name a layout that is a component of the site's theme
    (``layout: HomePage``, ``layout: UserStory``: a VuePress or VitePress theme's, named in
    PascalCase), which renders the page from its front matter's data? Its text may be empty,
    its title the theme's. (Jekyll's and Hugo's layouts are files: ``default``, ``post``.)"""
    layout = data.get("layout")
    return isinstance(layout, str) and _COMPONENT_NAME.fullmatch(layout) is not None

