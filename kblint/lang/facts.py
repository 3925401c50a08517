"""What a translation must keep from its source, found in each article at parse time.

Translators' QA tools (translate-toolkit's pofilter, Okapi CheckMate, Xbench) compare strings;
kblint compares whole articles, so each article's *facts* are kept in its summary with their
places, and translation-drift compares a translation's facts with its source's:

- ``number``: 2048, 4,294,967,296, 2.4.5, 50 % (not list numbering, not one-digit numbers,
  which translations often write as words: "three steps", 三個步驟, nor an image's text that
  is a number alone, an upload's id); dates count as their
  parts, so 2026-08-19, 19.08.2026, 2026.8.19 and 2026年8月19日 agree, but for a month written as a
  number (the source may name it) and a clock time (a translation gives it in its readers'
  zone);
- ``code``: inline code spans, verbatim (``php bin/magento setup:upgrade``);
- ``email``: e-mail addresses;
- ``shortcut``: keyboard shortcuts (Ctrl+Alt+Q, ⌘+C);
- ``placeholder``: %s, %1$d, {name}, {{name}}, ${name}, <ip address>;
- ``admonition``: the kind of each alert ([!WARNING]), or an alert of any kind where a site's
  shortcode writes it (``{{% alert title="Note" %}}``);
- ``heading-id``: explicit heading ids ({#scen1});
- ``table``: each table's rows × columns, in pipes or HTML (``<table>`` outside code: the
  same table a translation may write the other way).

End punctuation is never compared: Chinese and English end sentences differently.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator

from kblint.model.patterns import EMAIL_ADDRESS, lazy_pattern
from kblint.model.text import MASK

if TYPE_CHECKING:
    from kblint.kb.document import Document
    from kblint.model.body import Body

# An alert shortcode's opening (not its closing {{% /alert %}}).
_ALERT_SHORTCODE = lazy_pattern(r"\{\{[%<]\s*(?:alert|callout|admonition|notice)\b[^}]*[%>]\}\}")
ANY_ALERT = "alert"  # the admonition value of an alert whose kind is not written

KINDS = ("number", "code", "email", "shortcut", "placeholder", "admonition", "heading-id", "table", "image")

# A number: digits with the separators of decimals, versions and thousands inside, not glued
# to a name or a code (KB1234, x86, IPv6); a "v" before a version is not part of it. Its first
# digits are found with str.find, digit by digit, which is several times faster than a
# regular expression scanning all the prose (most articles' digits are in ids).
_NUMBER = lazy_pattern(r"[0-9][0-9.,]*")
_GLUED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.")
_THOUSANDS = lazy_pattern(r"\d{1,3}(?:,\d{3})+")
_MODIFIER = r"(?:Ctrl|Control|Alt|Option|Opt|Shift|Cmd|Command|Win|Windows|Super|Meta|Fn|⌘|⌥|⇧|⌃)"
_SHORTCUT = lazy_pattern(
    rf"(?<![A-Za-z]){_MODIFIER}(?:[\s\x00]*\+[\s\x00]*(?:{_MODIFIER}|[A-Za-z0-9]+(?![A-Za-z0-9])|F\d{{1,2}}|[^\s\x00\w]))+",
    re.IGNORECASE,
)
_PLACEHOLDER = lazy_pattern(r"%(?:\d+\$)?[-+0#]*\d*(?:\.\d+)?[sdifuxXeEgGcp]|\{\{[^{}\n]{1,40}\}\}|\$\{[^{}\n]{1,40}\}|\{[A-Za-z_][\w.-]{0,40}\}")
_ANGLE = lazy_pattern(r"<([^<>/!=\"'][^<>=\"']{0,40})>")
_CLOSING_TAG = lazy_pattern(r"</([A-Za-z][\w:-]*)\s*>")
# HTML elements: a tag of one of these is markup, not a placeholder such as <ip address>.
_HTML_ELEMENTS = frozenset(
    """a abbr address area article aside audio b bdi bdo blockquote br button caption cite code col
    colgroup data dd del details dfn div dl dt em embed fieldset figcaption figure font footer form
    h1 h2 h3 h4 h5 h6 header hr i iframe img input ins kbd label legend li link main map mark meta
    nav noscript object ol option output p param picture pre progress q s samp script section select
    small source span strong style sub summary sup svg table tbody td template textarea tfoot th thead
    time tr track u ul var video wbr center big tt strike nobr""".split()
)
_EMAIL = lazy_pattern(rf"^(?:mailto:)?({EMAIL_ADDRESS})$", re.IGNORECASE)

# Placeholders whose words a translator translates: a command's {{path/to/file}} becomes
# {{路径/到/文件}}, a usage line's <repository> becomes <仓库>. Each syntax is its opener, "…"
# and its closer (the `translated_placeholders` setting); what is between them is not compared.
PLACEHOLDER_TEXT = "…"


def placeholder_syntax_problem(syntax: str) -> str | None:
    """Why ``syntax`` is not a placeholder syntax (an opener, "…", a closer), or None."""
    opener, dots, closer = syntax.partition(PLACEHOLDER_TEXT)
    if not dots or not opener or not closer or PLACEHOLDER_TEXT in closer:
        return "write it as its opener, … and its closer, e.g. '{{…}}'"
    if any(ch.isspace() or ch.isalnum() for ch in opener + closer) or len(opener) > 4 or len(closer) > 4:
        return "its opener and closer are at most four punctuation characters"
    return None


@lru_cache(maxsize=8)
def _placeholder_pattern(syntaxes: tuple[str, ...]) -> "re.Pattern[str] | None":
    """One pattern for all of ``syntaxes``: group 1 is an opener, group 2 the words."""
    alternatives = []
    for syntax in syntaxes:
        opener, _, closer = syntax.partition(PLACEHOLDER_TEXT)
        stop = re.escape("".join(sorted(set(opener[0] + closer[0]))))
        # Words start with no space: `< {{in}} -x > {{out}}` is a redirection, not <words>.
        alternatives.append(f"({re.escape(opener)})([^{stop}\\s][^{stop}\\n]{{0,79}}){re.escape(closer)}")
    if not alternatives:
        return None
    return re.compile("|".join(f"(?:{a})" for a in alternatives))


def _is_markup(opener: str, words: str) -> bool:
    """Is ``<words>`` an HTML or JSX tag (<div class="a">, </p>, <Button>), not a placeholder?"""
    if opener != "<":
        return False
    first = words.split()[0] if words.split() else ""
    return (
        not first or words[0] in "/!?" or first.lower().rstrip("/") in _HTML_ELEMENTS or first[:1].isupper() or "=" in words or '"' in words
    )


def without_placeholder_words(text: str, syntaxes: tuple[str, ...]) -> str:
    """``text`` with the words of each translated placeholder left out: `cp {{path/to/file}}`
    and `cp {{路径/到/文件}}` are one command."""
    pattern = _placeholder_pattern(syntaxes)
    if pattern is None or not any(syntax.partition(PLACEHOLDER_TEXT)[0] in text for syntax in syntaxes):
        return text

    def replace(m: "re.Match[str]") -> str:
        groups = [g for g in m.groups() if g is not None]
        opener, words = groups[0], groups[1]
        if words.startswith("[") or _is_markup(opener, words):  # {{[-p|--patch]}}: options, not words
            return m.group(0)
        return m.group(0)[: len(opener)] + PLACEHOLDER_TEXT + m.group(0)[len(opener) + len(words) :]

    return pattern.sub(replace, text)


# Full-width digits are digits (１０ is 10); the translation keeps every offset.
# Digits written otherwise, one character for one: full-width (１０), Arabic-Indic (١٠) and
# Persian (۱۰), with the Arabic decimal and thousands separators (٫ ٬).
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９．٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "0123456789.01234567890123456789.,")
_HAS_FULL_WIDTH_DIGIT = lazy_pattern("[０-９．٠-٩۰-۹٫٬]")
# Units a number may be written with, by the power of ten they stand for: 1万 and 10,000,
# 3億 and 300,000,000, 1.5 million and 150万 are one number. (兆 is not one: it is 10^6 in
# some uses and 10^12 in others.)
_NUMBER_BASES = ("进制", "進制", "進位", "进位", "진수", "진법", "進数")
_MEASURES = frozenset("字位克米瓦赫比焦卡")  # after 千: kilobyte, kilogram, kilometre, kilowatt, kilohertz…
_CHINESE_UNITS = {"百": 2, "千": 3, "万": 4, "萬": 4, "亿": 8, "億": 8}
_ENGLISH_UNITS = lazy_pattern(r"[ \u00a0](thousand|million|billion)(?![A-Za-z])", re.IGNORECASE)
_ENGLISH_POWERS = {"thousand": 3, "million": 6, "billion": 9}
# "Million" in the languages that write 1,5 for 1.5 (1,5 milhão, 2,5 millones, 1,2 Millionen,
# 3,5 миллиона): a decimal comma before it is a decimal point. ("Billion" is not one: it is
# 10^12 in several of them.)
_MILLIONS = lazy_pattern(
    r"[ \u00a0](?:millions?|millón|millones|milhão|milhões|milione|milioni|millionen|miljoen|milion(?:y|ů|ów)?"
    r"|миллион(?:а|ов)?|мільйон(?:а|ів)?)(?![^\W\d_])",
    re.IGNORECASE,
)


# "Thousand" as Ukrainian, Russian, Polish and German shorten it (725 тис., 725 тыс., 12 tys.,
# 12 Tsd.): 725K in the source.
_THOUSAND_ABBREVIATED = lazy_pattern(r"[ \u00a0](?:тис|тыс|tys|Tsd)\.?(?![^\W\d_])")


def _scaled(value: str, text: str, end: int) -> tuple[str, int]:
    """``value`` (digits, at most one decimal point) times the unit written after it at
    ``end`` (万, 億, million…), and where the unit ends; as it was when no unit follows."""
    power, at = 0, end
    after = text[at + 1 : at + 2]
    if text[at : at + 1] in ("k", "K", "M") and not (after.isascii() and after.isalnum()):
        # 320k followers, 5M downloads; 4K分辨率 too: a Chinese word runs on from the letter
        power, at = (3 if text[at] in "kK" else 6), at + 1
    if at < len(text) and text[at] == " " and text[at + 1 : at + 2] in _CHINESE_UNITS:
        at += 1
    while at < len(text) and text[at] in _CHINESE_UNITS:
        if text[at] == "千" and text[at + 1 : at + 2] in _MEASURES:
            break  # 15 千字节 is 15 kilobytes: 千 is the unit's prefix, not a thousand of them
        if text[at] == "百" and text[at + 1 : at + 2] == "分":
            break  # 95 百分位数 is the 95th percentile, 百分比 a percentage: no hundreds
        power += _CHINESE_UNITS[text[at]]
        at += 1
    if power == 0:
        m = _ENGLISH_UNITS.match(text, end)
        if m is not None:
            power, at = _ENGLISH_POWERS[m.group(1).lower()], m.end()
        elif (m := _MILLIONS.match(text, end)) is not None:
            power, at = 6, m.end()  # 2 milhões, 5 Millionen
        elif (m := _THOUSAND_ABBREVIATED.match(text, end)) is not None:
            power, at = 3, m.end()  # 725 тис., 12 Tsd.
        else:
            return value, end
    whole, _, fraction = value.partition(".")
    if len(fraction) > power:
        return value, end  # 1.23456万: not a whole number, leave it as written
    digits = (whole + fraction + "0" * (power - len(fraction))).lstrip("0") or "0"
    return digits, at


_DOTTED_DATE = lazy_pattern(r"(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.((?:19|20)\d\d)")
# A date written year first with dots (2022.1.8, 2022.01.08), as Chinese and Korean text may.
_YEAR_FIRST_DATE = lazy_pattern(r"((?:19|20)\d\d)\.(0?[1-9]|1[0-2])\.(0?[1-9]|[12]\d|3[01])")
_US_DATE_MONTH = lazy_pattern(r"(?:0?[1-9]|1[0-2])/[0-3]?\d/\d{4}(?!\d)")
# A month after a day past 12 (17/11/2000, as most of the world writes a date).
_DAY_MONTH = lazy_pattern(r"(?<!\d)(?:1[3-9]|2\d|3[01])/$")


def _is_month(text: str, start: int, end: int) -> bool:
    """Is the number at ``start``..``end`` a date's month (12月, 12월, tháng 12, 2026-12-31,
    12/31/2026, 17/12/2026)? English names its months (December 31): a month is not compared."""
    if text[end : end + 1] in ("月", "월") or text[end : end + 2] in (" 月", " 월"):
        return True
    if text[max(0, start - 6) : start].lower() == "tháng ":
        return True  # Vietnamese: "tháng 11", the eleventh month
    if text.startswith("/", end) and _DAY_MONTH.search(text, max(0, start - 4), start) and text[end + 1 : end + 5].isdigit():
        return True  # 17/11/2000
    if _US_DATE_MONTH.match(text, start) and (start == 0 or not text[start - 1].isdigit()):
        return True  # 12/05/2024
    return start >= 5 and text[start - 1] == "-" and text[start - 5 : start - 1].isdigit() and text[end : end + 1] == "-"


_CLOCK_HOUR = lazy_pattern(r"(?:[01]?\d|2[0-3])[:h][0-5]\d(?!\d)")  # 18:53, or French 18h53
_CLOCK_REST = lazy_pattern(r"(?<!\d)(?:[01]?\d|2[0-3])(?::[0-5]\d)?[:h]$")


def _in_a_clock_time(text: str, start: int, end: int) -> bool:
    """Is the number at ``start``..``end`` a clock time's hour, minutes or seconds (18:53,
    11:00:00, French 12h00)? A translation gives a time in its readers' zone (UTC in the
    source, +09:00 in Japanese): a time is not compared."""
    if _CLOCK_HOUR.match(text, start) and (start == 0 or not text[start - 1].isdigit()):
        return True
    return end - start == 2 and _CLOCK_REST.search(text, max(0, start - 6), start) is not None


_DECIMAL_COMMA = lazy_pattern(r"\d{1,3},\d{1,5}")


def _millions(value: str) -> str:
    """``value``, written with a decimal comma (1,5), in millions, as digits (1500000)."""
    whole, _, fraction = value.partition(",")
    return (whole + fraction + "0" * (6 - len(fraction))).lstrip("0") or "0"


# Spaces that group a number's thousands (50 000, 1 000 000: Russian, French, Czech, Swedish…).
_GROUP_SPACES = frozenset(" \u00a0\u202f\u2009")


def _space_grouped(value: str, text: str, end: int) -> tuple[str, int]:
    """``value`` with the groups of three digits that follow it after a space (``50 000``),
    and where they end; as it was when none does."""
    while text[end : end + 1] in _GROUP_SPACES and len(group := text[end + 1 : end + 4]) == 3 and group.isdigit() and _group_ends(text, end + 4):
        value, end = value + group, end + 4
    return value, end


def _group_ends(text: str, at: int) -> bool:
    """Does a group of digits end at ``at``: no letter, digit or ``_`` glued to it, and no
    decimals after it (``345,6``; a sentence's full stop is no decimal point)?"""
    after = text[at : at + 1]
    if not after:
        return True
    if after in ".,":
        return not text[at + 1 : at + 2].isdigit()
    return not after.isalnum() and after != "_"


# Languages that write a decimal comma (5,5 %): in their text "5,5" is five and a half, not a
# list of two numbers.
DECIMAL_COMMA_LANGUAGES = frozenset(
    "bg cs da de el es et fi fr hr hu id it lt lv nb nl no pl pt ro ru sk sl sr sv tr uk vi".split()
)
_DECIMALS_AFTER_A_COMMA = lazy_pattern(r"\d{1,6},\d{1,2}")


def _dotted_date(value: str, at: int, a_version: bool) -> list[tuple[str, int, int]] | None:
    """The day and year of a date written with dots at ``at`` (26.08.2023, as German and
    Russian write it; 2022.1.8, as Chinese may), as 2023-08-26's: its month is not compared
    (English names it). None where ``value`` is no such date (or ``a_version``: v2022.1.8)."""
    if (date := _DOTTED_DATE.fullmatch(value)) is not None:
        day, year = 1, 3
    elif not a_version and (date := _YEAR_FIRST_DATE.fullmatch(value)) is not None:
        day, year = 3, 1
    else:
        return None
    parts = [(date.group(g).lstrip("0"), at + date.start(g), at + date.end(g)) for g in sorted((day, year))]
    return [part for part in parts if len(part[0]) > 1]  # (a day of one digit: often a word)


_YEAR_MONTH = lazy_pattern(r"((?:19|20)\d\d)\.(?:0?[1-9]|1[0-2])")
_HAN_CHARACTER = lazy_pattern(r"[\u3400-\u9fff]")


def _year_and_month(value: str, text: str, at: int, end: int) -> tuple[str, int, int] | None:
    """The year of a month written year first between Chinese words ("在2019.1上线": January
    2019), as a date's year is compared; None for a version or a number elsewhere."""
    date = _YEAR_MONTH.fullmatch(value)
    if date is None or not (_HAN_CHARACTER.match(text, end) or (at and _HAN_CHARACTER.match(text, at - 1))):
        return None
    return date.group(1), at, at + 4


# A version glued to its program's name (go1.8+, python3.11, ubuntu20.04), which a translation
# may write apart (Go 1.8+): the version is a number of both. (file1.txt is no version.)
_GLUED_VERSION = lazy_pattern(r"\d+\.\d+(?:\.\d+)*(?![\w.])|\d+\.\d+(?:\.\d+)*\.(?![\w])")


def _a_name_before(text: str, at: int) -> bool:
    """Are the letters before ``at`` a name of their own, two letters or more that start a word
    (go1.8, GPT3.5), not the end of a longer name (platform-adminv1.4.0, an image's)?"""
    start = at
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return at - start >= 2 and (start == 0 or (text[start - 1] not in _GLUED and text[start - 1] != "-"))


def numbers(text: str, decimal_comma: bool = False) -> Iterator[tuple[str, int, int]]:
    """(value, start, end) of the numbers of ``text`` worth comparing; ``decimal_comma``: in a
    language that writes 5,5 for 5.5 (which is then its value)."""
    if not text.isascii() and _HAS_FULL_WIDTH_DIGIT.search(text):
        text = text.translate(_FULL_WIDTH_DIGITS)  # slow on non-ASCII text: only where it changes it
    starts = []
    find = text.find
    for digit in "0123456789":
        at = find(digit)
        while at >= 0:
            before = text[at - 1] if at else " "
            if (
                before not in _GLUED
                or (before in "vV" and (at < 2 or text[at - 2] not in _GLUED))
                or (before in "xX" and at >= 2 and text[at - 2].isdigit())  # 800x500: two numbers
                or (before.isalpha() and _GLUED_VERSION.match(text, at) is not None and _a_name_before(text, at))  # go1.8: a version
            ):
                starts.append(at)
            at = find(digit, at + 1)
    starts.sort()
    covered = -1  # the end of the last number: digits after its separators are in it
    for at in starts:
        if at < covered:
            continue
        value = _NUMBER.match(text, at).group(0)
        covered = at + len(value)
        value = value.rstrip(".,")
        end = at + len(value)
        if text[end : end + 1] == "_" or ".." in value or ",," in value or ".," in value or ",." in value:
            continue
        if value.isdigit() and len(value) <= 3 and text[end : end + 1] in _GROUP_SPACES:
            value, end = _space_grouped(value, text, end)
            covered = max(covered, end)
        if _THOUSANDS.fullmatch(value):
            value = value.replace(",", "")
        elif "," in value and _DECIMAL_COMMA.fullmatch(value) and (million := _MILLIONS.match(text, end)):
            value, end = _millions(value), million.end()
        elif decimal_comma and _DECIMALS_AFTER_A_COMMA.fullmatch(value):
            value = value.replace(",", ".")
        elif "," in value:
            for k, part in enumerate(value.split(",")):  # a list: 1,2,3
                if len(part) > 1:
                    offset = at + sum(len(p) + 1 for p in value.split(",")[:k])
                    yield part.lstrip("0") or "0", offset, offset + len(part)
            continue
        if "." in value and (parts := _dotted_date(value, at, text[at - 1 : at] in ("v", "V"))) is not None:
            yield from parts
            continue
        if "." in value and (year := _year_and_month(value, text, at, end)) is not None:
            yield year
            continue
        if _is_month(text, at, end) or _in_a_clock_time(text, at, end) or text.startswith(_NUMBER_BASES, end):
            continue  # a date's month; a time; 16进制, 16진수: a base (hexadecimal), not a number
        if value.count(".") <= 1 and end < len(text) and text[end] in " \u00a0百千万萬亿億kKM":
            value, end = _scaled(value, text, end)
        if "." not in value:
            value = value.lstrip("0") or "0"
            if len(value) < 2:
                continue  # one digit: often a word in one of the languages
        yield value, at, end


def _shortcut_key(text: str) -> str:
    return "+".join(part.strip(" \t\x00").casefold() for part in text.split("+"))


# A section's number: 2.3, 1.2.1, 10. (a year, "2021 Review", is no numbering), before a space
# or a Chinese or Japanese word ("2.2初始化集群").
def _numbers_that_are_facts(doc: "Document", found: list[tuple[str, str, int, int]]) -> list[tuple[str, str, int, int]]:
    """``found`` less an image's text that is a number alone (``![165754739545](…)``: an
    upload's id) and a heading's section number (``### 2.3 Proxy mode``: the section's place in
    the page, which one side may number and the other not)."""
    named = [(link.start, link.end) for link in doc.body.links if link.image and link.text.strip().isdigit()]
    if named:
        found = [fact for fact in found if not any(start <= fact[2] < end for start, end in named)]
    numbering = _section_numbers(doc)
    return [fact for fact in found if fact[2] not in numbering] if numbering else found


_SECTION_NUMBER = re.compile(r"(?:\d+(?:\.\d+)+\.?|\d+\.)(?:[ \t]|(?=[\u3040-\u30ff\u3400-\u9fff]))")


def _section_numbers(doc: "Document") -> set[int]:
    """The file offsets of the numbers that open headings as a section's number (``2.3 ``)."""
    found = set()
    for heading in doc.body.headings:
        if heading.text[:1].isdigit() and _SECTION_NUMBER.match(heading.text):
            found.add(doc.index.offset(heading.line, heading.column))
    return found


def shortcuts_in(code: str) -> set[str]:
    """The keys of the keyboard shortcuts written in ``code`` (a code span: `Ctrl/Cmd + P`)."""
    return {_shortcut_key(m.group(0)) for m in _SHORTCUT.finditer(code)} if "+" in code else set()


def article_facts(doc: "Document") -> list[tuple[str, str, int, int]]:
    """(kind, value, start, end) of the facts of ``doc`` (its title and body), file offsets,
    in order."""
    md = doc.body
    found: list[tuple[str, str, int, int]] = []
    # All the prose at once (one span a line, shared with the rules): one search per article.
    joined = doc.joined_prose
    text = joined.text

    def place(start: int, end: int) -> tuple[int, int]:
        k, offset = joined.locate(start)
        span = joined.spans[k]
        return span.offset(offset), span.end_offset(offset + end - start)

    for value, start, end in numbers(text, doc.locale.split("-")[0].lower() in DECIMAL_COMMA_LANGUAGES):
        found.append(("number", value, *place(start, end)))
    if found:
        found = _numbers_that_are_facts(doc, found)
    if "+" in text:
        for m in _SHORTCUT.finditer(text):
            found.append(("shortcut", _shortcut_key(m.group(0)), *place(m.start(), m.end())))
    if "%" in text or "{" in text:
        for m in _PLACEHOLDER.finditer(text):
            if MASK not in m.group(0) and "\n" not in m.group(0):
                found.append(("placeholder", m.group(0), *place(m.start(), m.end())))
    for code, start, end in md.code_spans:
        found.append(("code", code, start, end))
    for link in md.links:
        if link.image and "://" in link.url:  # an image on another site (a local one is a reference)
            found.append(("image", link.url, link.start, link.end))
    for url, start in md.urls:
        m = _EMAIL.match(url)
        if m:
            found.append(("email", m.group(1).casefold(), start, start + len(url)))
    closed = None  # the names of the closing tags the page writes, once a candidate needs them
    for start, end in md.html:
        chunk = doc.text[start:end]
        if "<" in chunk and ">" in chunk and len(chunk) < 200:
            for m in _ANGLE.finditer(chunk):
                name = m.group(1).strip()
                if name and name.split()[0].rstrip("/").lower() not in _HTML_ELEMENTS and not name[:1].isupper():  # (<br/> is <br>)
                    if closed is None:
                        closed = {c.lower() for a, b in md.html for c in _CLOSING_TAG.findall(doc.text, a, b)}
                    if name.split()[0].lower() in closed:
                        continue  # <clock>clock_gettime</clock>: a tag of the page's own, closed: markup
                    found.append(("placeholder", f"<{' '.join(name.split())}>", start + m.start(), start + m.end()))
    index = doc.index
    small_print = md.closing_small_print()
    if small_print is not None:
        # A generator's "generated on <date>" under the page: each language's copy has its own.
        cut = index.line_start(small_print.start_line)
        found = [fact for fact in found if fact[2] < cut]
    found.extend(_structure_facts(doc, md))
    notes = _translators_notes(doc)
    if notes:
        found = [fact for fact in found if not any(start <= fact[2] < end for start, end in notes)]
    found.sort(key=lambda fact: fact[2])
    return found


def _structure_facts(doc: "Document", md: "Body") -> Iterator[tuple[str, str, int, int]]:
    """The alerts, heading ids and tables of ``doc``."""
    index = doc.index
    for kind, line in md.admonitions:
        yield ("admonition", kind, index.line_start(line), index.line_end(line))
    if "{{" in doc.text:
        # An alert written as a site's shortcode ({{% alert title="Note" %}}: Docsy's), whose
        # kind its translated title does not say: an alert of any kind.
        for m in _ALERT_SHORTCODE.finditer(doc.text):
            yield ("admonition", ANY_ALERT, m.start(), m.end())
    for heading in md.headings:
        if heading.explicit_id:
            start = index.offset(heading.line, heading.column)
            yield ("heading-id", heading.explicit_id, start, index.offset(heading.line, heading.end_column))
    for rows, columns, line in md.tables:
        yield ("table", f"{rows}×{columns}", index.line_start(line), index.line_end(line))
    if doc.format in ("markdown", "mdx") and ("<table" in doc.text or "<TABLE" in doc.text):
        yield from _html_tables(doc, md)  # (an HTML article's tables are its body's already)


# An HTML table's tags in Markdown, the same table a translation may write in pipes (or the
# reverse): read in one pass, each table's rows and cells counted between its tags.
_TABLE_TAGS = lazy_pattern(r"<(/?)(table|tr|t[dh])\b", re.IGNORECASE)


def _html_tables(doc: "Document", md: "Body") -> Iterator[tuple[str, str, int, int]]:
    """Each HTML table outside code, as rows × columns (its widest row's cells); a table in
    a table's cell counts for itself, not for the one around it."""
    index, open_tables = doc.index, []  # each: (start offset, cells per row)
    for m in _TABLE_TAGS.finditer(doc.text):
        name = m.group(2).lower()
        if name == "table" and not m.group(1):
            open_tables.append((m.start(), []))
        elif not open_tables or m.group(1) and name != "table":
            continue
        elif name == "table":
            start, rows = open_tables.pop()
            line = index.position(start)[0]
            if rows and max(rows) and not md.in_code(line):
                yield ("table", f"{len(rows)}×{max(rows)}", index.line_start(line), index.line_end(line))
        elif name == "tr":
            open_tables[-1][1].append(0)
        elif open_tables[-1][1]:
            open_tables[-1][1][-1] += 1


# A translator's note (译注：…) is the translator's own: what it holds is in no source.
_NOTE_MARKS = ("译注", "譯註", "譯注", "译者注", "譯者註", "譯者注")


def _translators_notes(doc: "Document") -> list[tuple[int, int]]:
    """File offsets of the paragraphs that are a translator's note (every article's facts
    are found: one substring test keeps the others from looking at their paragraphs)."""
    if "注" not in doc.text and "註" not in doc.text:
        return []
    return [
        (span.offset(0), span.end_offset(len(span.text)))
        for span in doc.body.prose
        if span.kind == "paragraph" and span.text.lstrip(" *\u3000[(（【").startswith(_NOTE_MARKS)
    ]
