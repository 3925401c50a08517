from __future__ import annotations

from collections import Counter
from typing import Iterator

from kblint.model.finding import Finding, Severity
from kblint.rules.api import Rule
from kblint.corpus.summary import as_span
from kblint.corpus.contributed import KEPT, PARAGRAPHS, TERMS


def _forms(glossary, term: str, summary) -> list[str] | None:
    """The required translations of ``term`` for the translation's locale, if the glossary has
    any (by its locale, or the tag it is written in)."""
    forms = glossary.terms.get(term, {})
    return forms.get(summary.locale)


def check_corpus(corpus, config) -> Iterator[Finding]:
    glossary = config.glossary
    for original, translation in corpus.checked_translations():
        if original.light or translation.light:
            continue
        where = f"{original.locale} {original.id}"
        # Paragraph by paragraph where the translation has as many prose spans as its source
        # (the structure is kept), else the whole article.
        aligned = original.fact(PARAGRAPHS) == translation.fact(PARAGRAPHS)
        here = {k: (set(strings), span) for k, strings, span in translation.fact(TERMS)}
        everything = set().union(*(strings for strings, _ in here.values())) if here else set()
        if glossary is not None:
            told = set()  # without paragraphs to align, each term once
            for k, strings, source_span in original.fact(TERMS):
                found, span = here.get(k, (set(), None)) if aligned else (everything, None)
                at = as_span(span) or translation.id_span
                place = f"line {as_span(source_span).line}"
                for term in sorted(strings):
                    if not aligned:
                        if term in told:
                            continue
                        told.add(term)
                    forms = _forms(glossary, term, translation)
                    if forms and not any(form in found for form in forms):
                        listed = " or ".join(f"'{form}'" for form in forms)
                        yield RULE.finding_span(
                            translation,
                            at,
                            f"glossary: '{term}' ({where}, {place}) is {listed} in {translation.locale}, "
                            f"which {'this paragraph' if span else 'this translation'} does not use",
                        )
                    elif term in glossary.keep and term not in found:
                        yield RULE.finding_span(
                            translation,
                            at,
                            f"glossary: '{term}' ({where}, {place}) is kept as it is in every language, "
                            f"but {'this paragraph' if span else 'this translation'} does not have it",
                        )
        # Text the source marks [!DNL …] (do not localize) is kept as it is.
        kept_here = Counter(translation.fact(KEPT))
        for text in dict.fromkeys(original.fact(KEPT)):
            if kept_here[text] == 0:
                yield RULE.finding_span(
                    translation, translation.id_span, f"'{text}' is marked [!DNL] in the source ({where}): keep it as it is, in [!DNL {text}]"
                )


RULE = Rule(
    code="KL310",
    name="glossary-term",
    severity=Severity.WARNING,
    summary="A translation that does not use the glossary's translation of a term, or translates a term to keep.",
    documentation="""\
## What it does
With a glossary in the configuration (`glossary: glossary.yaml`: source terms with their
required translation per locale, and terms kept as they are, such as product names), compares
each translation with its source paragraph by paragraph (where the translation keeps the
source's structure, else as a whole): a source term whose required translation the
corresponding paragraph does not use, and a term to keep that it does not have, are reported.
Text the source marks `[!DNL …]` (Experience League's "do not localize") must stay so marked.

## Why it matters
A knowledge base that calls one thing by three names in Chinese leaves readers wondering whether
they are three things, and a translated product name is not found by search.

## Example
```yaml file=kblint.yaml
glossary: glossary.yaml
```
```yaml file=glossary.yaml
terms:
  recovery code: {zh-Hans: 恢复码}
keep: [Vaultline]
```
```markdown file=en/KB1002.md
Store your recovery codes in Vaultline.
```
```markdown file=zh-Hans/KB1002.md
把救援代码存放在保险线中。
```
fires twice: `恢复码` is not used, `Vaultline` was translated.

## Does not fire
```yaml file=kblint.yaml
glossary: glossary.yaml
```
```yaml file=glossary.yaml
terms:
  recovery code: {zh-Hans: 恢复码}
keep: [Vaultline]
```
```markdown file=en/KB1002.md
Store your recovery codes in Vaultline.
```
```markdown file=zh-Hans/KB1002.md
把恢复码存放在 Vaultline 中。
```

## Fix
None: the translator chooses where the term goes.
""",
    check_corpus=check_corpus,
    facts=(TERMS, KEPT, PARAGRAPHS),
    pairwise=True,
)
