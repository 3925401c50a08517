"""How site generators turn a heading's text into its id, the anchor a link's #fragment names.

Generators differ, and a link is right or wrong only under the site's own scheme:

- ``github``: github-slugger, as GitHub, Docusaurus and rehype-slug (Next.js) make them: lower
  case; letters, marks, numbers, "_" and "-" kept; each space a "-"; other characters dropped.
- ``hexo``: Hexo's Markdown renderer (hexo-util's slugize): the case kept; latin diacritics
  dropped; each run of spaces and ASCII punctuation (with "_" and "-") one "-", none at the
  ends. Older versions slug the heading's HTML, so that "&" gives "amp": both are accepted.
- ``vitepress``: VitePress and VuePress (@mdit-vue's slugify): as Hexo's after NFKD
  normalization (full-width punctuation becomes ASCII), “”‘’ too, a leading digit prefixed
  with "_", then lower case.
- ``obsidian``: an Obsidian vault's links name a heading by its text (``heading_name``),
  chosen with ``wiki_links``, never guessed.
- ``kramdown``: kramdown's auto ids (Jekyll without GFM): ASCII letters, digits, spaces and
  "-" only, from the first letter; spaces as "-"; lower case; "section" when nothing is left.
- ``mintlify``: Mintlify's: lower case; ASCII punctuation but "_" and "-" dropped, every
  character outside ASCII kept (full-width punctuation too: ``暂停，而非错误``); runs of spaces
  and "-" one "-", none at the ends.
- ``python-markdown``: Python-Markdown's toc extension, as MkDocs makes them unless told to
  slugify otherwise: accents dropped and every other character outside ASCII (a Chinese
  heading's words), punctuation but "_" and "-" dropped, lower case, runs of spaces and "-"
  one "-". A heading left with nothing (all Chinese) is ``_1``, the next ``_2``.

Repeated ids are numbered "-1", "-2" in every scheme but Python-Markdown's ("_1", "_2").
"""

from __future__ import annotations

import re
import unicodedata
from typing import Callable, Iterable, Iterator

from kblint.model.patterns import lazy_pattern

SCHEMES = ("github", "hexo", "vitepress", "kramdown", "python-markdown", "mintlify")
# The schemes a site's links may be read for, where neither the configuration nor the site's
# generator says: Python-Markdown's differs from the others in what it drops, so that the
# links of a site in Chinese written for one of them would read as its; MkDocs says.
GUESSABLE = ("github", "hexo", "vitepress", "kramdown")
# Other names for the same schemes, as a configuration may give them.
ALIASES = {"docusaurus": "github", "vuepress": "vitepress", "case-preserving": "hexo", "mkdocs": "python-markdown"}

_CONTROL = re.compile(r"[\x00-\x1f]")
_HEXO_SPECIAL = re.compile(r"""[\s~`!@#$%^&*()\-_+=\[\]{}|\\;:"'<>,.?/]+""")
_VITEPRESS_SPECIAL = lazy_pattern(r"""[\s~`!@#$%^&*()\-_+=\[\]{}|\\;:"'“”‘’<>,.?/]+""")
_HTML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})


def slug(text: str) -> str:
    """GitHub's anchor for a heading's text (github-slugger): lower case; letters, marks,
    numbers, "_" and "-" kept (Chinese characters included), other characters dropped, each
    space a "-"."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered.translate(_SLUG_ASCII)
    kept = []
    for ch in lowered:
        if ch.isalnum() or ch in "_- " or (ch > "\x7f" and unicodedata.category(ch)[0] in "LMN"):
            kept.append("-" if ch == " " else ch)
    return "".join(kept)


# ASCII that a slug drops (everything but letters, digits, "_" and "-"), and space as "-".
_SLUG_ASCII = str.maketrans({**{chr(c): None for c in range(128) if not (chr(c).isalnum() or chr(c) in "_- ")}, " ": "-"})


def numbered(bases: Iterable[str]) -> Iterator[str]:
    """Heading ids in order, a repeated one numbered "-1", "-2" as every generator numbers them
    (an id that a number makes equal to a later heading's is numbered again)."""
    seen: dict[str, int] = {}
    for base in bases:
        anchor = base
        while anchor in seen:
            seen[base] += 1
            anchor = f"{base}-{seen[base]}"
        seen[anchor] = 0
        yield anchor


def _without_latin_diacritics(text: str) -> str:
    """Latin letters without their accents (é -> e); other scripts as they are (Hangul's
    decomposition is no accent)."""
    if text.isascii():
        return text
    out = []
    for ch in text:
        if "\u00c0" <= ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff":
            out.append("".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)))
        else:
            out.append(ch)
    return "".join(out)


def _hexo_slug(text: str) -> str:
    cleaned = _HEXO_SPECIAL.sub("-", _CONTROL.sub("", _without_latin_diacritics(text)))
    return re.sub(r"-{2,}", "-", cleaned).strip("-")


# markdown-it-emoji's shortcodes (":tada:"): VitePress and VuePress make a heading's id of the
# text of its text and code tokens only (markdown-it-anchor), and an emoji is a token of its own.
_EMOJI_SHORTCODE = lazy_pattern(r"(?<![\w:]):[a-z][a-z0-9_+-]*:(?![\w:])")


def _vitepress_slug(text: str, emoji: bool = True) -> str:
    text = _EMOJI_SHORTCODE.sub("", text) if emoji and ":" in text else text
    decomposed = "".join(c for c in unicodedata.normalize("NFKD", text) if not "\u0300" <= c <= "\u036f")
    cleaned = re.sub(r"-{2,}", "-", _VITEPRESS_SPECIAL.sub("-", _CONTROL.sub("", decomposed))).strip("-")
    # NFC again: a link written with composed characters (Hangul) matches as the browser sees it.
    return unicodedata.normalize("NFC", re.sub(r"^(\d)", r"_\1", cleaned).lower())


def _kramdown_slug(text: str) -> str:
    kept = re.sub(r"[^a-zA-Z0-9 -]", "", re.sub(r"^[^a-zA-Z]+", "", text))
    return kept.replace(" ", "-").lower() or "section"


def _python_markdown_slug(text: str) -> str:
    ascii_only = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[-\s]+", "-", re.sub(r"[^\w\s-]", "", ascii_only).strip().lower())


_MINTLIFY_DROPPED = re.compile(r"[\x00-\x2c\x2e\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]")  # ASCII but letters, digits, "-", "_"


def mintlify_slug(text: str) -> str:
    kept = _MINTLIFY_DROPPED.sub(lambda m: " " if m.group().isspace() else "", text.lower().strip())
    return re.sub(r"[-\s]+", "-", kept).strip("-")


_PYTHON_MARKDOWN_COUNT = re.compile(r"^(.*)_([0-9]+)$")


def _python_markdown_numbered(bases: Iterable[str]) -> Iterator[str]:
    """Ids in order as Python-Markdown's toc makes them unique: an empty or repeated one gets
    "_1", and one that ends so already counts on ("x_1" taken: "x_2")."""
    used: set[str] = set()
    for anchor in bases:
        while anchor in used or not anchor:
            m = _PYTHON_MARKDOWN_COUNT.match(anchor)
            anchor = f"{m.group(1)}_{int(m.group(2)) + 1}" if m else f"{anchor}_1"
        used.add(anchor)
        yield anchor


_SLUGS: dict[str, Callable[[str], str]] = {
    "github": slug,
    "hexo": _hexo_slug,
    "vitepress": _vitepress_slug,
    "kramdown": _kramdown_slug,
    "python-markdown": _python_markdown_slug,
    "mintlify": mintlify_slug,
    "obsidian": lambda text: heading_name(text),
}


_OBSIDIAN_SPECIAL = re.compile(r"""[\s!"#$%&()*+,.:;<=>?@^`{|}~/\[\]\\]+""")


def heading_name(text: str) -> str:
    """A heading as an Obsidian link names it (``[[Note#Some heading]]``): by its text, in any
    case, its ASCII punctuation but ``-``, ``_`` and ``'`` as spaces (a link may leave out the
    heading's "?" or write a space for a ":" it cannot hold). A block's ``^id`` is its own."""
    if text.startswith("^"):
        return text.casefold()
    return _OBSIDIAN_SPECIAL.sub(" ", text).strip().casefold()


# How a message names a scheme to a writer, and the verb that goes with it.
_SCHEME_NAMES = {
    "hexo": "Hexo makes",
    "vitepress": "VitePress and VuePress make",
    "kramdown": "kramdown makes",
    "python-markdown": "Python-Markdown makes",
    "mintlify": "Mintlify makes",
    "obsidian": "Obsidian makes",
}


def scheme_maker(scheme: str) -> str:
    """Who makes heading ids under ``scheme``, with its verb, as a message says it (``VitePress
    and VuePress make``)."""
    return _SCHEME_NAMES.get(scheme, f"{scheme} makes")


def canonical_scheme(name: str) -> str | None:
    """The scheme a configured name means, or None for a name kblint does not know."""
    name = ALIASES.get(name, name)
    return name if name in _SLUGS else None


def makes_ids_in_lower_case(name: str) -> bool:
    """Does the scheme a configured name means make a heading's id in lower case, so that
    words whose case alone changes keep it? (Hexo's keeps the case.)"""
    scheme = canonical_scheme(name)
    return scheme in SCHEMES and _SLUGS[scheme]("Ab") == "ab"


def slug_of(text: str, scheme: str) -> str:
    """The id ``scheme`` makes of one heading's ``text``, before repeats are numbered (and
    before Python-Markdown numbers an empty one)."""
    return _SLUGS[scheme](text)


def heading_ids(texts: Iterable[str], scheme: str) -> list[str]:
    """The ids of headings with ``texts``, in order, under ``scheme``: repeats numbered."""
    make = _SLUGS[scheme]
    texts = list(texts)
    ids: list[str] = []
    number = _python_markdown_numbered if scheme == "python-markdown" else numbered
    for text, anchor in zip(texts, number(make(text) for text in texts)):
        ids.append(anchor)
        if scheme == "hexo" and any(c in text for c in "&<>\"'"):
            ids.append(make(text.translate(_HTML_ESCAPES)))  # older Hexo: "amp" for "&"
        elif scheme == "vitepress" and ":" in text and _EMOJI_SHORTCODE.search(text):
            ids.append(_vitepress_slug(text, emoji=False))  # a name markdown-it-emoji does not know stays text
    return ids
