from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from kblint.model.finding import Finding, Severity
from kblint.rules.api import Rule
from kblint.model.text import is_quoted


@lru_cache(maxsize=None)
def _phrases(locale: str) -> tuple[str, ...]:
    """The phrases of ``locale`` in lower case, for a substring test before any regex runs."""
    from kblint.lang.data import load_data

    result = set()
    for lang, items in load_data("data-dangling-phrases.yaml")["phrases"].items():
        if lang == "*" or lang == locale or locale.startswith(lang + "-"):
            result.update(" ".join(p.lower().split()) for p in items)
    # A phrase that contains another adds nothing to an "is any of them there" test.
    return tuple(sorted(p for p in result if not any(q != p and q in p for q in result)))


@lru_cache(maxsize=None)
def _pattern(locale: str) -> re.Pattern[str] | None:
    from kblint.lang.data import load_data

    phrases = load_data("data-dangling-phrases.yaml")["phrases"]
    chosen = []
    for lang, items in phrases.items():
        if lang == "*" or lang == locale or locale.startswith(lang + "-"):
            chosen.extend(items)
    if not chosen:
        return None
    parts = []
    for phrase in sorted(chosen, key=len, reverse=True):
        body = re.escape(phrase).replace(r"\ ", r"\s+")
        # Word boundaries for Latin phrases only: Chinese has no spaces between words.
        parts.append(body if re.search(r"[\u3000-\u9fff]", phrase) else rf"(?<![^\W_]){body}(?![^\W_])")
    return re.compile("|".join(parts), re.IGNORECASE)


def place_key(doc, config) -> tuple[int, ...]:
    """What the check reads of the article's place: where its references are (which links
    are references depends on where the page is: see Rule.place_key)."""
    return tuple(ref.start for ref in doc.references)


def _has_pointer(doc, start: int, end: int) -> bool:
    """A reference, a link or a URL between file offsets ``start`` and ``end``, or a link shown
    as code (`[Kubernetes](https://k8s.io)`: a guide to writing them lists its kinds so)."""
    if any(start <= ref.start < end for ref in doc.references):
        return True
    if any(start <= link.start < end for link in doc.body.links):
        return True
    if any(start <= offset < end for _, offset in doc.body.urls):
        return True
    return any(start <= at < end and ("](" in code or "://" in code) for code, at, _ in doc.body.code_spans)


def _following_list(doc, line: int, below: bool = False):
    """The list (or block quote or table) that starts right after ``line``, if any; for a
    phrase that points further down (``below``: "the following links:"), a paragraph too."""
    after = [b for b in doc.body.blocks if b.start_line > line]
    if not after:
        return None
    first = min(after, key=lambda b: (b.start_line, b.depth))
    if first.kind == "paragraph" and first.start_line == first.end_line and _LABEL.fullmatch(doc.index.line_text(first.start_line)):
        # A label over the links ("**Blogs:**"): the list under it is the one meant.
        rest = [b for b in after if b.start_line > first.end_line]
        first = min(rest, key=lambda b: (b.start_line, b.depth)) if rest else first
    return first if first.kind in ("list", "table", "quote") or below and first.kind == "paragraph" else None


def _url_in_code_below(doc, line: int) -> bool:
    """Does a code block right after ``line`` (its next block) hold an address?"""
    after = [b for b in doc.body.blocks if b.start_line > line]
    if not after:
        return False
    first = min(after, key=lambda b: (b.start_line, b.depth))
    return first.kind == "code" and any(block.start_line == first.start_line and "://" in block.text for block in doc.body.code_blocks)


# A paragraph that is a label alone: a few words in bold ("**Blogs:**", "**博客：**").
_LABEL = re.compile(r"\s*(?:\*\*[^*\n]{1,40}\*\*|__[^_\n]{1,40}__)\s*[:：]?\s*")


# Phrases that point further down ("the links below", 以下連結): their links may be in the
# sections under the paragraph, not only right after it.
_BELOW = re.compile(r"below|following|以下|下方", re.IGNORECASE)


# What a Chinese "see below" (请参阅下方, 請參閱下方) may name on the page itself: an example,
# code, a table, a figure, steps, a section, its name quoted first (下方"完全清理"章节).
_ON_THE_PAGE = re.compile(
    r"\s*的?\s*(?:[\"“「『][^\"”」』\n]{1,40}[\"”」』]\s*的?\s*)?(?:示例|范例|範例|例子|示範|示范|代码|代碼|程式碼|表格|表|图|圖|步骤|步驟|章节|章節|小节|小節|部分|说明|說明"
    r"|内容|內容|配置|命令|指令|截图|截圖|清单|清單|列表|流程|段落)"
)


def _names_a_heading_below(doc, after: str, line: int) -> bool:
    """Does ``after`` (the text after 下方 or 以下) open with the text of a heading below ``line``
    (请参阅下方Sink 分区, with ``### Sink 分区`` further down): a section of the page, named?"""
    after = after.lstrip(" 的\"“「『")
    return any(
        heading.line > line and len(text) >= 2 and after.startswith(text)
        for heading in doc.body.headings
        for text in (heading.text.strip(),)
    )


def _ends_its_part(doc, line: int) -> bool:
    """Is what follows ``line`` a heading, a rule or a note (``:::note``): no paragraph or list
    that would hold the links?"""
    after = [b for b in doc.body.blocks if b.start_line > line]
    if not after:
        return False
    first = min(after, key=lambda b: (b.start_line, b.depth))
    if first.kind in ("heading", "rule"):
        return True
    return first.kind == "paragraph" and _NOTE_OPENS.match(doc.text, doc.index.line_start(first.start_line)) is not None


_NOTE_OPENS = re.compile(" *:::")  # a note's first line (:::note), indented in a list or not


def _section_end(doc, line: int) -> int:
    """The file offset where the section holding ``line`` ends: the next heading of its level
    or above (the article's end for its introduction)."""
    level = 0
    for heading in doc.body.headings:
        if heading.line > line:
            if level and heading.level <= level:
                return doc.index.line_start(heading.line)
        else:
            level = heading.level
    return len(doc.text)


def _in_summary(text: str, at: int) -> bool:
    """Whether ``at`` lies in a ``<details>`` element's ``<summary>``, the text a reader clicks
    to open what follows."""
    opened = text.rfind("<summary", max(0, at - 300), at)
    return opened >= 0 and text.find("</summary", opened, at) < 0


def check(doc, config) -> Iterator[Finding]:
    pattern = _pattern(doc.locale)
    if pattern is None:
        return
    # Substring tests in C on the prose in lower case (shared with other rules; white space
    # folded where a phrase could be split by more than one space) before any regex runs.
    phrases = _phrases(doc.locale)
    lowered = doc.prose_words.lowered.replace("\n", " ")
    if "  " in lowered or "\t" in lowered:
        lowered = " ".join(lowered.split())
    if not any(phrase in lowered for phrase in phrases):
        return
    index = doc.index
    for span in doc.body_spans_with(pattern):  # one search: a long article has thousands of spans
        for m in pattern.finditer(span.text):
            if is_quoted(span.text, m.start(), m.end()):
                continue  # the phrase is quoted, not used
            if doc.text[max(0, span.offset(m.start()) - 2) : span.offset(m.start())] in ("**", "__"):
                continue  # the **Click here to generate** link: a label on the screen, named
            if m.group(0).endswith(("下方", "以下")) and _ON_THE_PAGE.match(span.text, m.end()):
                continue  # 请参阅下方示例: the example below, on this page
            if m.group(0).endswith(("下方", "以下")) and _names_a_heading_below(doc, span.text[m.end() :], span.end_line):
                continue  # 请参阅下方Sink 分区: a section of this page, by its heading
            at = span.offset(m.start())
            if _in_summary(doc.text, at):
                continue  # <summary>Click here to see the result</summary>: the summary is what is clicked
            if any(link.start <= at < link.end for link in doc.body.links):
                continue  # [报名点击此处](…): the phrase is the link's own text
            block_start = span.offset(0)
            block_end = span.end_offset(len(span.text))
            if _has_pointer(doc, block_start, block_end):
                continue
            below = _BELOW.search(m.group(0)) is not None
            if below and _url_in_code_below(doc, span.end_line):
                continue  # "enter the following link in your browser", then the address as code
            following = _following_list(doc, span.end_line, below)
            if following is not None:
                if _has_pointer(doc, index.line_start(following.start_line), index.line_end(following.end_line)):
                    continue
            if below and _ends_its_part(doc, span.end_line) and _has_pointer(doc, block_end, _section_end(doc, span.start_line)):
                continue  # "… the links below." then a note or a heading: in the sections under it
            yield RULE.finding(
                doc,
                span.offset(m.start()),
                span.end_offset(m.end()),
                f"'{m.group(0)}' points at a link, but none follows in this paragraph or the list after it: "
                "add the article reference",
            )
            break  # one finding per paragraph is enough


RULE = Rule(
    code="KL104",
    name="dangling-reference",
    severity=Severity.WARNING,
    summary="Text that points at a link (\"see this article\") with no link or reference nearby.",
    documentation="""\
## What it does
Looks for phrases that promise a link ("refer to this article", "click on one of the links
below", "the following articles", 請參見以下文章, 请参见下方, …) and reports them when neither
the same paragraph nor the list right after it (past a label over it: `**Blogs:**`) (or, for "the following links", the
paragraph) contains a reference, a link or a URL, or a
link shown as code (`` `[Keys](keys.md)` ``, as a guide to writing links lists their kinds) (for a
phrase that points further down, "the links below" or 以下連結, that a heading or a note
follows, nor the rest of its section: the sections under an introduction that says so hold
its links). A Chinese "see below" that names what is below on the page itself (请参阅下方示例:
the example below; a table, a figure, the steps, a section, its name quoted first:
请参考下方"完全清理"章节; or a heading further down by its text: 请参阅下方同步设置, with
`## 同步设置` below) points at no article, and a phrase
set in bold names a label on the screen ("click the **Click here to generate** link"), as one
that is a link's own text is the link (`[报名请点击此处](…)`), and one in a `<summary>` (the
"click here to see the result" over a `<details>` block) names what is clicked to open it. The phrases
for each language are in the `data-dangling-phrases.yaml` pack.

## Why it matters
When an article is migrated between systems, links are the first thing lost. What remains is
a sentence that sends the reader to nothing.

## Example
```markdown
For the export steps, refer to this article.
```

## Does not fire
```markdown
For the export steps, refer to this article: KB4417.

See the following articles:
- [Exporting reports](KB4417.md)

Read more in the following links:

**Guides:**

- [Sharing reports](KB4418.md)
```

## Fix
None: only the writer knows which article was meant.
""",
    check=check,
    text_alone=True,
    place_key=place_key,
)
