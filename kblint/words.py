"""The Latin-script words of an article's prose, found once per article
(``Document.prose_words``) and shared by the rules that look at words (typo, repeated-word)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kblint.text import LATIN

if TYPE_CHECKING:
    from kblint.markdown import JoinedProse

# Latin-script words, also inside Chinese text; digits glued to a word (KB1131abc) make it a code.
# Each part of a hyphenated word is a word of its own; a word cut by a replacement character
# (U+FFFD, a lost letter) is no word at all.
# (Its look-behind follows the first letter, so that the regex engine skips to letters.)
WORD = re.compile(rf"[{LATIN}](?<![{LATIN}0-9_\ufffd][{LATIN}])[{LATIN}]*+(?:['’][{LATIN}]+)?(?![{LATIN}0-9_\ufffd])")


@dataclass
class ProseWords:
    lowered_spans: list[str]  # each prose span in lower case, with ’ written '
    lowered: str  # those, one per line
    words: list[str]  # the WORD matches of ``lowered``, in order
    same_length: bool  # lower() kept every span's length (no İ): offsets carry over


def find_prose_words(prose: JoinedProse) -> ProseWords:
    """The words of an article's prose (``Document.prose_words`` keeps them)."""
    lowered_spans = [span.text.lower().replace("’", "'") for span in prose.spans]
    lowered = "\n".join(lowered_spans)
    return ProseWords(lowered_spans, lowered, WORD.findall(lowered), len(lowered) == len(prose.text))
