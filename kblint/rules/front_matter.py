from __future__ import annotations

from typing import Iterator

from kblint.finding import Finding, Severity
from kblint.rules import Rule

REQUIRED_KEYS = ("id", "lang", "title")


def check(doc, config) -> Iterator[Finding]:
    front = doc.front
    line_end = doc.index.line_end
    if not front.present:
        yield RULE.finding(
            doc,
            0,
            line_end(1),
            "no front matter: start the file with a '---' block that sets id, lang and title"
            + _derived(doc),
        )
        return
    for line, column, message in front.problems:
        start = doc.index.offset(line, column)
        yield RULE.finding(doc, start, max(start, line_end(line)), message + _derived(doc))
    if front.problems:
        return
    closing = doc.index.line_start(front.end_line)
    for key in REQUIRED_KEYS:
        value = front.data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            yield RULE.finding(doc, closing, line_end(front.end_line), f"front matter has no '{key}'" + _derived(doc, key))
        elif not isinstance(value, (str, int)):
            line = front.key_lines.get(key, front.start_line)
            yield RULE.finding(
                doc, doc.index.line_start(line), line_end(line), f"front matter '{key}' must be text, not a {type(value).__name__}"
            )
    article_id = front.data.get("id")
    if isinstance(article_id, (str, int)) and str(article_id).strip() and not config.id_pattern.fullmatch(str(article_id).strip()):
        line = front.key_lines.get("id", front.start_line)
        yield RULE.finding(
            doc,
            doc.index.line_start(line),
            line_end(line),
            f"id '{article_id}' does not match the article id pattern '{config.id_pattern.pattern}'",
        )
    lang = front.data.get("lang")
    if isinstance(lang, str) and lang.strip() and config.canonical_locale(lang) is None:
        line = front.key_lines.get("lang", front.start_line)
        yield RULE.finding(
            doc,
            doc.index.line_start(line),
            line_end(line),
            f"lang '{lang}' is not a configured locale ({', '.join(config.locales)})",
        )


def _derived(doc, key: str | None = None) -> str:
    if key in (None, "id") and doc.id and not doc.id_from_front_matter:
        return f" (the id {doc.id} is taken from the file name)"
    if key in (None, "lang") and not doc.locale_from_front_matter and key == "lang":
        return f" (the locale {doc.locale} is taken from the path)"
    return ""


RULE = Rule(
    code="KL004",
    name="front-matter",
    severity=Severity.ERROR,
    summary="Front matter is missing, unclosed, not valid YAML, or lacks id, lang or title.",
    documentation="""\
## What it does
Checks the YAML block at the top of each article: it must exist, be closed by `---`, be valid
YAML (loaded safely: no tags that construct objects, no alias bombs), be a mapping, and set
`id`, `lang` and `title`. The id must match the configured id pattern and `lang` must be a
configured locale. When the id or locale is missing, kblint still takes them from the file
name (`KB2481.md`) and folder (`zh-Hant/`), so the rest of the checks go on.

## Why it matters
The id, language and title are what the reference graph, the translation checks and the
published site are built from. A broken block silently drops an article from all of them.

## Example
```markdown
---
id: KB2481
title: Resetting a password
---
```
fires: `front matter has no 'lang'`.

## Does not fire
```markdown
---
id: KB2481
lang: en
title: Resetting a password
---
```

## Fix
None: the right values are the author's to choose.
""",
    check=check,
)
