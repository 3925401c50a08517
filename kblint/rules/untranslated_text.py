from __future__ import annotations

import posixpath
import weakref
from collections import Counter
from typing import Iterator

from kblint.model.finding import Finding, Severity
from kblint.rules.api import Rule
from kblint.corpus.summary import as_span
from kblint.corpus.contributed import FOREIGN, OWN_SCRIPT, TEXT_PARAGRAPHS, TEXTS
from kblint.lang.untranslated import ALL_IDENTICAL, mostly_identical
from kblint.model.text import folded

MANY = 50  # identical paragraphs that are one finding whatever the share (a long list left as it is)
CONVENTION_PAIRS = 5  # translations of one folder into one language that can show a convention
SAMPLE = 60  # translated pairs of a folder and language read for its convention, the first by path


class Conventions:
    """The folders whose translations into a language keep their sources' titles, or their
    first paragraphs, as they are, by convention: half or more of those whose headings are
    translated, five at least (an error reference whose titles and first lines are the messages
    a program prints, in English in every language; an article left as its source shows no
    convention). A folder's convention is read, when first asked, from its first SAMPLE
    translated pairs by path (what their lightest summaries hold: a run of one file reads
    those, not every article); read again after a change."""

    def __init__(self, corpus) -> None:
        # The corpus keeps this index (Corpus.index): a strong reference back would make a
        # cycle, which the paused cyclic collector leaves (the run's articles with it).
        self.corpus = weakref.proxy(corpus)
        self._groups: dict[tuple[str, str], tuple[int, int, int]] = {}

    def keeps_title(self, original, translation) -> bool:
        """Is ``translation``'s title its source's, in a folder that keeps titles so?"""
        return _same_title(original.title, translation.title) and self._kept(original, translation, 0)

    def keeps_lead(self, original, translation) -> bool:
        """Is ``translation``'s first paragraph its source's, in a folder that keeps them so?"""
        return bool(translation.lead) and translation.lead == original.lead and self._kept(original, translation, 1)

    def _kept(self, original, translation, which: int) -> bool:
        """Does the folder keep the title (``which`` 0) or first paragraph (1) so, and is
        ``translation`` one of the translated articles that follow a convention (an article
        left as its source is not)?"""
        if not _translated(original, translation):
            return False
        group = _group(translation)
        counts = self._groups.get(group)
        if counts is None:
            counts = self._groups[group] = self._count(group)
        return counts[2] >= CONVENTION_PAIRS and counts[which] * 2 >= counts[2]

    def _count(self, group: tuple[str, str]) -> tuple[int, int, int]:
        """(titles kept, first paragraphs kept, pairs read) of the folder and language ``group``."""
        by_path = self.corpus.by_path
        members = []
        for original_path, translation_path in self.corpus.pair_paths():
            translation = by_path.get(translation_path)  # (its id and locale: what any summary holds)
            if translation is not None and _group(translation) == group:
                members.append((translation_path, original_path))
        titles = leads = read = 0
        for translation_path, original_path in sorted(members)[: SAMPLE * 4]:
            original, translation = by_path.get(original_path), by_path.get(translation_path)
            if original is None or translation is None or not _translated(original, translation):
                continue  # what a language keeps is seen in the articles it translated
            titles += _same_title(original.title, translation.title)
            leads += bool(translation.lead) and translation.lead == original.lead
            read += 1
            if read == SAMPLE:
                break
        return titles, leads, read

    def before(self, corpus, relpath: str) -> None:
        self._groups = {}

    def after(self, corpus, relpath: str) -> None:
        self._groups = {}


def _translated(original, translation) -> bool:
    """Are ``translation``'s headings translated (half or more differ from the source's)? What
    the lightest summary tells of an article translated, not left as its source."""
    headings = translation.headings
    if not headings:
        return False
    source = {folded(str(text)) for text, _ in original.headings}
    same = sum(1 for text, _ in headings if folded(str(text)) in source)
    return same * 2 < len(headings)


def _group(translation) -> tuple[str, str]:
    return translation.locale, posixpath.dirname(translation.id or "")


def _same_title(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and folded(a) == folded(b)


def _less_the_kept_title(translation, identical_texts: list) -> list:
    """Without the headings that repeat the translation's title where it kept its source's
    (``### Spark on Volcano`` under ``title: "Spark on Volcano"``): the name it kept, kept
    again, as its title is."""
    own = as_span(translation.title_span).line if translation.title_span is not None else None  # the title itself is judged
    lines = {line for text, span in translation.headings if _same_title(str(text), translation.title) and (line := as_span(span).line) != own}
    return [(key, span) for key, span in identical_texts if span.line not in lines] if lines else identical_texts


def _in(span, whole) -> bool:
    return whole is not None and whole.start <= span.start < whole.end


def _less_conventions(corpus, original, translation, identical_texts: list, foreign: list) -> tuple[list, list]:
    """The identical texts to report, and those the folder's convention keeps as the source's
    (its first paragraph, its title): not reported, nor runs of the source's language inside."""
    conventions = corpus.index("untranslated-conventions", Conventions)
    kept = []
    if any(key == translation.lead for key, _ in identical_texts) and conventions.keeps_lead(original, translation):
        kept = [span for key, span in identical_texts if key == translation.lead]
    identical = [span for key, span in identical_texts if span not in kept]
    title = as_span(translation.title_span) if translation.title_span is not None else None
    if title is not None and any(_in(span, title) for span in identical + foreign) and conventions.keeps_title(original, translation):
        identical = [span for span in identical if not _in(span, title)]
        kept.append(title)
    return identical, kept


def check_corpus(corpus, config) -> Iterator[Finding]:
    names_of: dict[str, frozenset] = {}  # by the source's path: read once for all its translations
    for original, translation in corpus.checked_translations():
        if original.light or translation.light:
            continue
        if translation.state.get("generated"):
            continue  # a generator wrote it into the translation's folder: no translator's text
        where = f"{original.locale} {original.id}"
        source_texts = set(original.fact(TEXTS))  # keys
        names = names_of.get(original.relpath)
        if names is None:
            names = names_of[original.relpath] = _names_the_translations_keep(corpus, original, source_texts)
        identical_texts = [(key, as_span(span)) for key, span in translation.fact(TEXTS) if key in source_texts and key not in names]
        if identical_texts and _same_title(original.title, translation.title):
            identical_texts = _less_the_kept_title(translation, identical_texts)
        foreign = [as_span(span) for span in translation.fact(FOREIGN)]
        identical, kept = _less_conventions(corpus, original, translation, identical_texts, foreign)
        foreign = [span for span in foreign if not any(_in(span, whole) for whole in identical + kept)]
        # Counted in paragraphs of text, in any script: a page of one-word list items and
        # headings that name functions is as long in every language.
        paragraphs = max(translation.fact(TEXT_PARAGRAPHS), len(identical))
        left = len(identical) + _foreign_lines(foreign, identical)
        if left >= ALL_IDENTICAL and translation.fact(OWN_SCRIPT) == 0:
            # Not a word in its own script (a Chinese page all in English, lines of field
            # names and types between its sentences): the page is its source's, one finding.
            paragraphs = left
        if len(identical) >= MANY or mostly_identical(left, paragraphs):
            # An article left mostly as its source: one finding, not one a paragraph.
            yield _mostly_finding(translation, identical + foreign, len(identical), left, paragraphs, where)
            continue
        for span in identical:
            yield RULE.finding_span(translation, span, f"identical to the source ({where}): this text is not translated")
        for span in foreign:  # (those inside a text reported as identical, or kept by convention, are gone)
            yield RULE.finding_span(
                translation, span, f"written in the source's language ({original.locale}), not in {translation.locale}: translate it"
            )


NAME_WORDS = 4  # a title or a heading of this many words at most may be a name


def _names_the_translations_keep(corpus, original, source_texts: set) -> frozenset:
    """The keys of the short titles and headings written as a name ("Gin Web Framework",
    "Webhooks") that half or more of the article's translations that
    translate their headings, two at least, keep as the source writes them: translators of each
    language, apart, kept them so. (Text of more words is still each translation's to
    translate.)"""
    versions = corpus.by_id.get(original.id, {}).items()
    # (Of the translations that translate their headings: a copy left as its source chose nothing.)
    translations = [v for locale, v in versions if locale != original.locale and not v.light and _translated(original, v)]
    if len(translations) < 2:
        return frozenset()
    kept: Counter = Counter()
    for translation in translations:
        short = _short_heading_lines(translation)
        kept.update({key for key, span in translation.fact(TEXTS) if key in source_texts and as_span(span).line in short})
    return frozenset(key for key, count in kept.items() if count >= 2 and count * 2 >= len(translations))


def _short_heading_lines(translation) -> set[int]:
    """The lines of the translation's title and headings written as a name: NAME_WORDS words
    at most, each capitalized, none a function word ("Gin Web Framework", "Webhooks"; not
    "Get a Variable", "Disable Nunjucks tags")."""
    lines = {as_span(span).line for text, span in translation.headings if _written_as_a_name(str(text))}
    title = translation.title
    if title and translation.title_span is not None and _written_as_a_name(title):
        lines.add(as_span(translation.title_span).line)
    return lines


def _written_as_a_name(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= NAME_WORDS and all(word[:1].isupper() or not word[:1].isalpha() for word in words) and not any(
        word.lower() in _FUNCTION_WORDS for word in words
    )


_FUNCTION_WORDS = frozenset("a an the of to for and or in on with by from at as is are how what your you".split())


def _foreign_lines(foreign: list, identical: list) -> int:
    """The lines that hold runs in the source's language, but those of identical texts: the
    paragraphs, items and cells left in it, as near as places tell (a sentence of an English
    cell is one run, and so is its next sentence)."""
    return len({span.line for span in foreign} - {span.line for span in identical})


def _mostly_finding(translation, spans: list, identical: int, left: int, paragraphs: int, where: str) -> Finding:
    first = min(spans, key=lambda span: span.start)
    how = f"identical to the source ({where})" + ("" if left == identical else " or written in its language")
    if left >= paragraphs:
        what = f"all {left} paragraphs of its text are {how}: this translation is not translated"
    elif left * 2 < paragraphs:  # (fifty or more: a long list left as it is, in a page translated)
        what = f"{left} of its {paragraphs} paragraphs of text are {how}: they are not translated"
    else:
        what = f"{left} of its {paragraphs} paragraphs of text are {how}: this translation is mostly not translated"
    return RULE.finding_span(translation, first, what)

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
`инфраструктура как услуга (Infrastructure as a Service)`, or an acronym's words spelled out
before their translation in its brackets, `FaaS（Function as a Service，函数即服务）`, a SQL
statement written without code marks (two keywords in capitals: `FROM "t/1" WHERE id`), and the page's own name as its
title writes it, `Function as a Service (FaaS)` in the text of a page so titled: the title is
judged by itself); between languages of one script (English and French) a paragraph of six or more
words that the language identifier (py3langid) takes for the source's language. Code, URLs,
markup and link texts do not count. A translation left mostly as its source (ten or more
paragraphs identical to the source's or written in its language, and half or more of its
paragraphs of text, three words or six letters of another script; three or more and four
fifths of them, a short page copied as it is; fifty identical ones whatever the share; or,
in a translation into another script than its source's Latin, three or more where its text
holds no letter of its own script, a Chinese page all in English) is one finding, not one a
paragraph: a generated reference copied into the
translation with its descriptions in English is one thing to translate. A line that is only a link's or an image's text (a reference list's entry too: a paper's linked title and its date, `[A Paper](…) (May 2023)`, which translations cite as it is), a name (capitalized words, no function
word), a list of people by their handles (`@kim, @ravi.k, @Tom van Dijk`: a release note's thanks), a term the glossary keeps (`keep:`) or `[!DNL …]` text, a command example
(`$ npm install …`, `vault export --all`) or an error message quoted as a program prints it
(`Error: ENOENT: no such file or directory`, `TypeError: …`, `Q48: safetensors_rust.SafetensorError: …`
after an FAQ's number, an error wrapped with its causes
as Go programs print them, `failed get objs: failed to list objs: …`, over the lines of its
paragraph)
or a commit message (`fix(Button): wrong colour`, as Conventional Commits writes them), and a
table cell that holds a type (`(open: boolean) => void`, `{ start?: string }`,
`'small' | 'large'`), a version (`string: 5.28.0`), a string in straight double quotes (a default value, a
message as the program returns it: `"Access denied"`), a font stack (`Arial, sans-serif`), a
list of values (`[openai, azure-openai]`, a property's accepted values between slashes,
`primary / success / warning`, a row's tags between commas, `chat, sft, 🔥, zh`) or a Lisp
form (`(apply map list rows)`, in a table comparing languages) is the same in every
language; so is a table cell or a heading that names something with its kinds or its long
form in brackets (`Ramda (JavaScript / TypeScript)`, `BNPO (Batch Normalized Policy
Optimization)`), and a name that labels the links after it, with a colon or the authors' "et
al." (`LoRA+: [LoRA+: Efficient Low Rank Adaptation …](…)`, `Agarwal et al. [On-Policy
Distillation …](…)`: a paper cited by its title; "Inserts [the generator tag](…)." is a
sentence). A block quote that the translation's own paragraph
before it introduces with a colon (`React 文档这样描述：`, `Рассмотрим английский пример:`), with
words that say what follows (`会出现以下警告`, `官方回复说`) or with a link to where the words are
from (`见该 [issue](…)。`) is a quotation kept in its language on purpose; a note left in the source's language, which nothing
introduces, is still reported. Text written for the most part in Chinese, Japanese or Korean
is the translation's own, even where its source holds it too (an "English" page that is a copy
of the Chinese one). A front matter
title identical to the source's is reported too, unless it is a name: an API's (`useState`,
`<Suspense>`, `cache`), a product's (`GitLab Pages`, `API`), a term the translation also
writes in its text (in lower case and, for one word, the singular too: `Actions` where the
text writes `Enqueue action 篩選…`), or a name beside a translated `subtitle` (`title: Carousel`,
`subtitle: 走马灯`). A folder's convention in a language is not reported: where half or more
of its translations (five at least; the first sixty by path whose headings are translated)
keep their sources' titles, or their first paragraphs, as they are (an error reference whose
titles and first lines are the messages a program prints), a title or first paragraph kept so
is not reported. Nor is a title or a heading written as a name (four capitalized words at
most, no function word: `Vault Sync Server`) that half or more of an article's translations,
two at least, keep as the source writes it (of those that translate their headings: translators
of each language kept it apart). Nor is a translation a generator wrote: its front matter says so
(`auto_generated: true`, as Kubernetes' reference docs mark theirs, which localizations
keep in English), a comment at its top does (`<!-- Code generated by gomarkdoc. DO NOT EDIT
-->`: a change would be written over), or it ends with the line cobra's generator closes a command's page with
(`###### Auto generated by spf13/cobra on …`), a CLI reference a project copies into each
translation.

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

| Vaultline | Lisp (Clojure / Racket) |
| --- | --- |
| vault sort | (sort-by key rows item) |
| vault export --format | [json, csv, html, xml, yaml] |
```
```markdown file=zh-Hant/KB1001.md
開啟保管庫並選取 **Export**，將每個項目儲存一份副本。請參閱 [Vaultline Export Guide](KB1002.md)。

| Vaultline | Lisp (Clojure / Racket) |
| --- | --- |
| vault sort | (sort-by key rows item) |
| vault export --format | [json, csv, html, xml, yaml] |
```

## Fix
None: the text has to be translated.
""",
    check_corpus=check_corpus,
    facts=(TEXTS, FOREIGN, TEXT_PARAGRAPHS, OWN_SCRIPT),
    pairwise=True,
)
