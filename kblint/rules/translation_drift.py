from __future__ import annotations

import re
from collections import Counter
from typing import Iterator

from kblint.corpus import ARTICLE_KINDS
from kblint.finding import Finding, Severity
from kblint.links import LOCALE_PARAMETERS
from kblint.rules import Rule
from kblint.summary import TRANSLATED_TEXT

# A locale in a URL: a path segment (/en-us/, /zh-tw/) or a lang=/locale=/hl= parameter.
_URL_LOCALE = re.compile(
    r"(?<=/)[a-z]{2}(?:-[a-z]{2,4}){0,2}(?=/)|[?&](?:" + "|".join(LOCALE_PARAMETERS) + r")=[^&#]*", re.IGNORECASE
)


def _targets(summary) -> set[str]:
    """The articles ``summary`` refers to, by identity: a link to /help/x.md in a zh-Hant
    article and in its en source are the same target."""
    return {r.target for r in summary.references if r.kind in ARTICLE_KINDS and r.target is not None and r.target != summary.id}


def _url_key(url: str) -> str:
    """A URL without the locale it names, so that a translation's link to the page in its
    own language (/zh-tw/docs/x, ?lang=zh-Hant) is the source's link."""
    from kblint.identity import normalize_tag

    def replace(m: re.Match[str]) -> str:
        text = m.group(0)
        if text[0] in "?&":
            return ""
        return "{locale}" if normalize_tag(text) else text

    return _URL_LOCALE.sub(replace, url)


def _external(summary) -> dict[str, str]:
    return {_url_key(url): url for url in summary.external_urls}


def check_corpus(corpus, config) -> Iterator[Finding]:
    for original, translation in corpus.checked_translations():
        # The source by language and id, not by path: a path relative to the knowledge base
        # root would read wrongly from any other working directory.
        where = f"{original.locale} {original.id}"
        steps_a, steps_b = original.steps, translation.steps
        if steps_a != steps_b:
            span = translation.steps_span or translation.id_span
            yield RULE.finding_span(translation, span, f"the source ({where}) has {steps_a} numbered steps, this translation {steps_b}")
        heads_a, heads_b = original.heading_count, translation.heading_count
        if heads_a != heads_b:
            yield RULE.finding_span(translation, translation.id_span, f"the source ({where}) has {heads_a} headings, this translation {heads_b}")
        targets_a, targets_b = _targets(original), _targets(translation)
        only_source = sorted(targets_a - targets_b)
        only_here = sorted(targets_b - targets_a)
        if only_source:
            yield RULE.finding_span(translation, translation.id_span, f"{', '.join(only_source)} referenced in the source ({where}) only")
        for target in only_here:
            ref = next(r for r in translation.references if r.target == target)
            yield RULE.finding_span(translation, ref.span, f"{target} is referenced in this translation only, not in the source ({where})")
        urls_a, urls_b = _external(original), _external(translation)
        for key in sorted(set(urls_a) - set(urls_b)):
            yield RULE.finding_span(translation, translation.id_span, f"URL {urls_a[key]} is in the source ({where}) only")
        code_a = Counter(h for h, _ in original.code_blocks)
        for i, (digest, span) in enumerate(translation.code_blocks, 1):
            if digest == TRANSLATED_TEXT:
                continue  # a block of text, translated
            if code_a[digest] > 0:
                code_a[digest] -= 1
                continue
            yield RULE.finding_span(translation, span, f"code block {i} differs from every code block of the source ({where})")


RULE = Rule(
    code="KL302",
    name="translation-drift",
    severity=Severity.WARNING,
    summary="A translation whose structure no longer matches its source.",
    documentation="""\
## What it does
Compares each translation with its source article: the number of numbered steps and of
headings, the articles referenced, the external URLs, and the content of code blocks (which
are never translated). Each difference is one finding that says what differs, on the
translation, at the differing place where there is one.

## Why it matters
Sources change and translations are updated by hand; a step added to the English article
but not to the Chinese one leaves those readers stuck. Structure is a cheap, language-blind
proxy for "the translation still says the same thing".

## Example
The source has 3 steps and references KB1020; the translation has 2 steps and no KB1020:
```markdown file=en/KB1003.md
1. Open the vault.
2. Select **Export**.
3. Save the file (see KB1020).
```
```markdown file=zh-Hant/KB1003.md
1. 開啟保管庫。
2. 選取「**匯出**」並儲存檔案。
```
fires: `the source (en KB1003) has 3 numbered steps, this translation 2`,
`KB1020 referenced in the source (en KB1003) only`.

## Does not fire
A translation with the same steps, headings, references, URLs and code blocks as its source
(comments and text inside code may be translated):
````markdown file=en/KB1003.md
1. Open the vault.
2. Run `vault export` (see KB1020):

```sh
vault export --all  # every item
```
````
````markdown file=zh-Hant/KB1003.md
1. 開啟保管庫。
2. 執行 `vault export`（請參閱 KB1020）：

```sh
vault export --all  # 所有項目
```
````

## Fix
None: the translator has to translate what is missing.
""",
    check_corpus=check_corpus,
)
