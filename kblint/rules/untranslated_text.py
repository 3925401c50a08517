from __future__ import annotations

from typing import Iterator

from kblint.model.finding import Finding, Severity
from kblint.rules.api import Rule
from kblint.corpus.summary import as_span
from kblint.corpus.contributed import FOREIGN, TEXT_PARAGRAPHS, TEXTS
from kblint.lang.untranslated import MOSTLY_IDENTICAL

MOSTLY = MOSTLY_IDENTICAL  # identical paragraphs that, half or more of its text, are one finding
MANY = 50  # identical paragraphs that are one finding whatever the share (a long list left as it is)


def check_corpus(corpus, config) -> Iterator[Finding]:
    for original, translation in corpus.checked_translations():
        if original.light or translation.light:
            continue
        where = f"{original.locale} {original.id}"
        source_texts = set(original.fact(TEXTS))  # keys
        identical = [as_span(span) for key, span in translation.fact(TEXTS) if key in source_texts]
        # Counted in paragraphs of text, in any script: a page of one-word list items and
        # headings that name functions is as long in every language.
        paragraphs = max(translation.fact(TEXT_PARAGRAPHS), len(identical))
        if len(identical) >= MANY or (len(identical) >= MOSTLY and len(identical) * 2 >= paragraphs):
            # An article left mostly as its source: one finding, not one a paragraph.
            yield RULE.finding_span(
                translation,
                identical[0],
                f"{len(identical)} of its {paragraphs} paragraphs of text are identical to the source ({where}): "
                "this translation is mostly not translated",
            )
            continue
        for span in identical:
            yield RULE.finding_span(translation, span, f"identical to the source ({where}): this text is not translated")
        for span in map(as_span, translation.fact(FOREIGN)):
            if any(whole.start <= span.start < whole.end for whole in identical):
                continue  # inside a text already reported as identical
            yield RULE.finding_span(
                translation, span, f"written in the source's language ({original.locale}), not in {translation.locale}: translate it"
            )


RULE = Rule(
    code="KL309",
    name="untranslated-text",
    severity=Severity.WARNING,
    summary="Text of a translation that is its source's text, or written in the source's language.",
    documentation="""\
## What it does
In each translation, reports a paragraph, heading, list item or table cell identical to one of
its source's (case and spacing aside; three words or six Chinese characters at least, less is a
name or a label), and a run written in the source's language: between languages of different
scripts (English and Chinese) a run of four or more source-script words that reads as a sentence
(two of its words are function words such as "the", "to", "and": product names and commands do
not read so; a quoted run, such as an error message shown as the software writes it, is left
alone, and so is the source's term of a few words in brackets after the translated one:
`инфраструктура как услуга (Infrastructure as a Service)`); between languages of one script (English and French) a paragraph of six or more
words that the language identifier (py3langid) takes for the source's language. Code, URLs,
markup and link texts do not count. A translation left mostly as its source (ten or more
identical paragraphs and half or more of its paragraphs of text, three words or six letters of
another script, or fifty whatever the share) is one finding, not one a paragraph. A line that is only a link's or an image's text, a name (capitalized words, no function
word), a term the glossary keeps (`keep:`) or `[!DNL …]` text, a command example
(`$ npm install …`, `vault export --all`) or an error message quoted as a program prints it
(`Error: ENOENT: no such file or directory`, `TypeError: …`, over the lines of its paragraph) is
the same in every language. A front matter
title identical to the source's is reported too, unless it is a name: an API's (`useState`,
`<Suspense>`, `cache`), a product's (`GitLab Pages`, `API`), or a term the translation also
writes in its text.

## Why it matters
Translators skip a paragraph added late, or paste the source to translate it later. Readers of
the translation meet an English sentence in the middle of a Chinese procedure.

## Example
```markdown file=en/KB1001.md
Open the vault and select Export to save a copy of every item.
```
```markdown file=zh-Hant/KB1001.md
開啟保管庫。Select Export to save a copy of every item in the vault.
```

## Does not fire
```markdown file=en/KB1001.md
Open the vault and select Export to save a copy of every item.
```
```markdown file=zh-Hant/KB1001.md
開啟保管庫並選取 **Export**，將每個項目儲存一份副本。請參閱 [Vaultline Export Guide](KB1002.md)。
```

## Fix
None: the text has to be translated.
""",
    check_corpus=check_corpus,
    facts=(TEXTS, FOREIGN, TEXT_PARAGRAPHS),
    pairwise=True,
)
