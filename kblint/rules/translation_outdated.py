from __future__ import annotations

from typing import Iterator

from kblint.model.finding import Finding, Severity
from kblint.corpus.behind import how_far_behind
from kblint.corpus.summary import as_span
from kblint.corpus.contributed import TEXT_PARAGRAPHS, TEXTS
from kblint.rules.api import Rule


def check_corpus(corpus, config) -> Iterator[Finding]:
    for original, translation in corpus.checked_translations():
        behind = how_far_behind(original, translation, corpus, config)
        if behind is not None and not _holds_the_source(original, translation):
            finding = RULE.finding_span(translation, _place(translation), behind.message)
            # (Words reworded alone: the translation may say the same still; a translator reads it.)
            yield finding.with_severity(Severity.INFO) if behind.wording_alone else finding


def _holds_the_source(original, translation) -> bool:
    """Is ``translation`` a copy of its source as the source is now: each of its paragraphs of
    text (but one, or a tenth) one of the source's as it is written today, two at least? A generated
    reference copied again, or a source changed and changed back, is not behind it, whatever
    the dates say: it is untranslated, which untranslated-text reports."""
    if original.light or translation.light:
        return False
    copied = [key for key, _ in translation.fact(TEXTS)]
    if len(copied) < 2 or not set(copied) <= set(original.fact(TEXTS)):
        return False
    return translation.fact(TEXT_PARAGRAPHS) <= len(copied) + max(1, len(copied) // 10)


def _place(translation):
    """Where a translation says what it was made from: the front matter's line that records
    its source revision, else its id line; a help-center article has neither, and its title
    is where a reader looks."""
    if translation.source_commit_span is not None:
        return as_span(translation.source_commit_span)
    return translation.id_span if translation.id_span.line > 1 or translation.title_span is None else as_span(translation.title_span)

RULE = Rule(
    code="KL303",
    name="translation-outdated",
    severity=Severity.WARNING,
    summary="The source article changed after its translation was made.",
    documentation="""\
## What it does
Decides whether each translation is behind its source, with the best evidence there is:

1. a help center's own record (its metadata: a Zendesk export's fields, or the JSON or YAML
   file beside an HTML article): a translation flagged `outdated: true`, or listed in its
   source's `outdated_locales`, is "flagged outdated"; one whose `edited_at` is older than its
   source's by more than `outdated_tolerance` hours (default 24) is "possibly outdated";
2. the translation's front matter records the source revision it was made from
   (`source_commit: 3f2a9c1`; `source_commit_keys` in the configuration names other keys, such
   as Experience League's `source-git-commit`, a nested `l10n.sourceCommit` or the
   `default_lang_commit` of Kubernetes' and Helm's localizations), and the source
   file has commits since then: in this repository, or in `source_repo` when the sources live
   in a git work tree of their own;
3. else, in a git repository, the source's last commit is newer than the translation's (the
   commit that made the source does not count when it is: a page written in Chinese first and
   put into English later is not behind its English page; nor does the one that wrote the
   source's text into a stub, a page of front matter alone when the translation was made, nor
   one that only moved it, its words as they were: `2.0.0-upgrading.md` renamed
   `200-upgrading.md`);
4. else, both sides' `updated` dates in front matter.

A source whose commits since the translation reworded it alone (its front matter, code blocks
fenced or indented, code spans, headings, the numbers and addresses its text names, its list
items, table rows and quotes, and how many lines of text it has, all as they were; each line
that changed changed in three words or a tenth of its words at most, and no word put in on
three lines or more: a commit that "polishes the wording") is still ahead of it, but the
finding is a note (info) that says so: the translation may say the same still, and a
translator reads it again.

A translation whose paragraphs of text are all the source's as the source writes them today (a
copy of it: a generated reference copied again, a source changed and changed back) is not
behind it, whatever the dates say: it is untranslated, and untranslated-text reports it.

A source whose commits since the translation changed none of its words is not ahead of it
(each commit read by itself too, where the source as the translation last saw it differs
from it now by a branch merged since, whose change the translation got as well):
its spacing (a blank line), a table's padding (a formatter's commit), a code fence's language
(```` ``` ```` made ```` ```bash ````) or a list's markers (`*` made `-`), its front matter's
settings (`sidebar_position`, a slug, its tags: a translation names its own; its title and
description are words), an MDX page's lines of tags alone or imports outside code (a video wrapped in a component, a promotion's component
put in), an edit taken back, or
the small print closing it (a level-5 or level-6 heading at its end, a generator's
"generated on <date>"), a word's spelling mended or its case changed (one letter changed,
added, dropped or two swapped in a word of four letters or more, or added to one of three:
`recieve` made `receive`, `Ops` made `Oops`, an English verb's mood, `Lists` made `List`, a
verb made to agree with its subject, `are` made `is`),
an article put in, taken out or changed (`as a Output` made `as an output`), a mark of
emphasis or code (a stray backtick) put in or taken out, a heading's level (`###` made `##`),
a callout's kind (`:::caution` made `:::warning`, `[!NOTE]` made `[!TIP]`) or a code block's
language (```` ```conf ```` made ```` ```properties ````), each read where the diff of its
words puts it. Nor is a source whose commits only added numbers or code that the translation
already has (a table's missing versions filled in from the translation, `4.17.0`), only wrote
lines the translation holds as they are (code, a front-matter key such as `slug:` it had
first), or only changed addresses to ones the translation links already or on sites it never
links: the source caught up with it. A number, a path, code's brackets or a word two letters from the old one is a
change. Git is asked for the two versions of a source found behind by its
commits, and only of those.

A commit whose subject holds a word of `outdated_ignore` is none of the translations' business
and does not count, for the source or for the translation (a change made to every language at
once is no update of the translation): by default `i18nIgnore`, `i18n-ignore`,
`lunaria-ignore` and `typo` (a source's typo fixed is no change a translation must follow), with the `ignoredKeywords` of a Lunaria tracker's configuration (`lunaria.config.ts` at the root or
above it), which a site uses for typo fixes and changes only its source language has. A word of letters
alone is matched as a word or its plural ("Fix typos", not "Update typography").

Git history is read with one `git log` call for the whole knowledge base, and only when the
run checks a translation pair: on a long history git works for seconds, and a knowledge base
in one language (or a run of source articles only) never waits for it. The message says how
far behind the translation is, in commits or days.

The finding is on the front matter's line that records the source revision, where the
translation has one (the line to update with it), else on its id line or title.

## Why it matters
A translation that silently falls behind gives readers of that language outdated steps, which
is worse than no translation at all.

## Example
```markdown file=en/KB1003.md
---
title: Exporting the vault
updated: 2026-06-20
---
```
```markdown file=zh-Hant/KB1003.md
---
title: 匯出保管庫
updated: 2026-04-02
---
```
fires: `the source (en KB1003) was updated 2026-06-20, 79 days after this translation (2026-04-02)`.

## Does not fire
A translation whose `source_commit` is the source's latest commit, that was committed after
the source's last change, or (outside git) whose `updated` date is not older:
```markdown file=en/KB1003.md
---
title: Exporting the vault
updated: 2026-06-20
---
```
```markdown file=zh-Hant/KB1003.md
---
title: 匯出保管庫
updated: 2026-06-22
---
```

## Fix
None: translate the change, then update `source_commit` or `updated`.
""",
    needs=frozenset({"pair-history"}),
    check_corpus=check_corpus,
    facts=(TEXTS, TEXT_PARAGRAPHS),
)
