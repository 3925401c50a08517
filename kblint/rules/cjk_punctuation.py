from __future__ import annotations

import re
import unicodedata
from typing import Iterator

from kblint.model.finding import Finding, Severity
from kblint.model.patterns import lazy_pattern
from kblint.rules.api import Rule

CJK = "\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff"
FULL = {",": "，", ".": "。", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
# Sentence punctuation between Chinese characters (a space typed after it goes too).
BETWEEN = lazy_pattern(rf"(?<=[{CJK}])([,.:;?!])[ ]?(?=[{CJK}])")
_CHINESE = lazy_pattern(f"[{CJK}]")
_MARKS = lazy_pattern("[,.:;?!()（）]")


def _is_cjk(ch: str) -> bool:
    return bool(ch) and _CHINESE.match(ch) is not None


# An interval written with brackets of two kinds ([0-10), (0, 4 MiB]): its round bracket
# pairs with the square one.
_INTERVAL = re.compile(r"\[[^\[\]()（）\n]{1,40}\)|\([^\[\]()（）\n]{1,40}\]")


# A smiley's mouth (":)", ";-)", ":("), which is no bracket: "（沿用 'posts' :)）" closes
# with its full-width one.
_EMOTICON = re.compile(r"(?<![\w:;])[:;]-?[()](?![\w(])")


def _bracket_pairs(text: str) -> list[tuple[int, int]]:
    """(opening, closing) indexes of the round brackets of ``text``, either width, but those
    of an interval and a smiley's mouth."""
    pairs, stack = [], []
    skipped = {m.end() - 1 if m.group(0)[0] == "[" else m.start() for m in _INTERVAL.finditer(text)} if "[" in text or "]" in text else set()
    if ":" in text or ";" in text:
        skipped = {*skipped, *(m.end() - 1 for m in _EMOTICON.finditer(text))}
    for i, ch in enumerate(text):
        if i in skipped:
            continue
        if ch in "(（":
            stack.append(i)
        elif ch in ")）" and stack:
            pairs.append((stack.pop(), i))
    return pairs


def _bracket_edits(text: str, style: str) -> list[tuple[list[tuple[int, int, str]], str]]:
    """For each pair of round brackets of Chinese text with a half-width one that should be
    full-width, its edits (start, end, replacement: one or both brackets) and why: paired
    with a full-width one; around Chinese content (unless ``style`` is "any"); any beside
    Chinese text (``style`` "full-width"). Half-width brackets around Latin-only content
    (数据库(DB)备份) are a house style several style guides follow."""
    found = []
    formula = _FORMULA.search(text) is not None
    for o, c in _bracket_pairs(text):
        inner = text[o + 1 : c]
        outside = (text[o - 1] if o else "", text[c + 1] if c + 1 < len(text) else "")
        chinese_inside = _CHINESE.search(inner) is not None
        if not chinese_inside and not any(_is_cjk(ch.strip()) for ch in outside):
            continue  # not in Chinese text
        if not _chinese_around(text, o, c):
            continue  # "[Xuan Huang (黄玄)](…)": a Chinese name in an English sentence
        if formula and _a_call(text, o, c):
            continue  # "Mask = Shake(请求 IV)": a function applied in a formula, not an aside
        if _an_operand(text, o, c):
            continue  # "(性能 >> 开发效率) || (…)": a term of an expression, grouped
        mixed = (text[o] == "(") != (text[c] == ")")
        if not (mixed or (chinese_inside and style != "any") or style == "full-width"):
            continue
        why = _MIXED if mixed else "around Chinese text" if chinese_inside else "beside Chinese text"
        # No space beside a full-width bracket (after Latin text or code too: "state （…）"
        # would keep a gap the Chinese standards do not have); one at a line's start stays.
        edits = []
        if text[o] == "(":
            start = o - 1 if o > 1 and text[o - 1] == " " and text[o - 2] not in " \n" else o
            edits.append((start, o + 1, "（"))
        if text[c] == ")":
            end = c + 2 if text[c + 1 : c + 2] == " " and text[c + 2 : c + 3] not in ("", " ", "\n", "{") else c + 1
            edits.append((c, end, "）"))
        if edits:
            found.append((edits, why, _spaced(text, o, c)))
    return found


# A formula: a name, then " = " and its value ("Key = MD5(用户 ID)").
_FORMULA = re.compile(r"[\w)\]] = ")
_CALLED = re.compile(r"[A-Za-z][A-Za-z0-9_.]*$")  # a function's name, right before its bracket


def _a_call(text: str, o: int, c: int) -> bool:
    """Are the half-width brackets at ``o``..``c`` a function's, its name written right before
    them (``MD5(…)``, ``Shake(…)``)?"""
    return text[o] == "(" and text[c] == ")" and _CALLED.search(text, max(0, o - 40), o) is not None


# An operator of an expression (logic, comparison, an arrow), beside a bracket outside it.
_OPERATOR = r"(?:\|\||&&|->|=>|>>|<<|[<>!=]=)"
_OPERATOR_BEFORE = re.compile(_OPERATOR + " *$")
_OPERATOR_AFTER = re.compile(" *" + _OPERATOR)


def _an_operand(text: str, o: int, c: int) -> bool:
    """Are the half-width brackets at ``o``..``c`` a term of an expression, an operator right
    outside one of them (``(性能 >> 开发效率) || (…) -> Rust``)? A menu path in an aside,
    ``菜单(文件 -> 设置)``, has its arrow inside."""
    if text[o] != "(" or text[c] != ")":
        return False
    return _OPERATOR_BEFORE.search(text, max(0, o - 8), o) is not None or _OPERATOR_AFTER.match(text, c + 1) is not None


def _spaced(text: str, o: int, c: int) -> bool:
    """Do the brackets at ``o``..``c`` stand apart from the text around them, a space (or the
    line's edge) outside each, or a full-width mark after the closer: ``有 sidebar (侧导航) 和``?"""
    before, after = text[o - 1 : o], text[c + 1 : c + 2]
    return before in ("", " ") and (after in ("", " ") or after in _CLOSING_MARKS)


_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def _chinese_around(text: str, o: int, c: int) -> bool:
    """Are the brackets at ``o``..``c`` in Chinese text: full-width on one side already, or
    Chinese outside them, or no English sentence around them? Brackets in an English
    sentence ("Thanks to Xuan Huang (黄玄) for the talk") stay half-width."""
    if text[o] == "（" or text[c] == "）":
        return True
    outside = text[:o] + " " + text[c + 1 :]
    return _CHINESE.search(outside) is not None or len(_LATIN_WORD.findall(outside)) < 3


def _escape_start(doc, mark_at: int) -> int:
    """Where the mark at file offset ``mark_at`` starts as written: at the backslash that
    escapes it (``\\(``), which a full-width mark does not need (and would show)."""
    backslashes = 0
    while mark_at - backslashes > 0 and doc.text[mark_at - backslashes - 1] == "\\":
        backslashes += 1
    return mark_at - 1 if backslashes % 2 else mark_at


def check(doc, config) -> Iterator[Finding]:
    brackets = []
    for span in doc.prose:
        text = span.text
        if _MARKS.search(text) is None or _CHINESE.search(text) is None:
            continue
        # A heading's text makes its anchor: an edit there may break links from elsewhere.
        anchored = span.kind == "heading" and not doc.body.has_explicit_id(span.start_line)
        # (And a padded table's row: a wider mark puts it out of line.)
        placed = _HEADING_ANCHOR if anchored else _PADDED_TABLE if span.kind == "table_cell" and _in_a_padded_table(doc, span.start_line) else ""
        for m in BETWEEN.finditer(text):
            mark = m.group(1)
            numbering = _numbering(text, m) if mark == "." else None
            message, replacement = numbering or (f"half-width '{mark}' between Chinese characters: use the full-width '{FULL[mark]}'", FULL[mark])
            yield RULE.finding(
                doc,
                _escape_start(doc, span.offset(m.start())),
                span.end_offset(m.end()),
                message,
                replacement=replacement,
                unsafe_reason=placed or (_NUMBERING_STYLE if numbering else _mark_unsafe_because(text, m)),
            )
        for edits, why, spaced in _bracket_edits(text, config.cjk_brackets):
            brackets.append((span, edits, why, placed, spaced))
    if "cjk_brackets" not in config.raw and any(why != _MIXED and spaced for _, _, why, _, spaced in brackets) and _spaced_half_width(doc):
        # The article's house style: its spaced pairs are not reported, the others still are.
        brackets = [found for found in brackets if found[2] == _MIXED or not found[4]]
    for span, edits, why, placed, _ in brackets:
        yield _bracket_finding(doc, span, [_file_edit(doc, span, span.text, edit) for edit in edits], why, placed, config.cjk_brackets)


_PADDED_TABLE = "the table's columns are padded to line up, and a full-width mark widens its row: re-pad the table with the fix"


def _in_a_padded_table(doc, line: int) -> bool:
    """Is ``line`` a row of a table whose rows are padded to one width as a reader sees it
    (a full-width character two columns wide), as formatters pad them? A wider mark puts
    the row out of line, and a formatter's check then fails."""
    width = _display_width(doc.index.line_text(line))
    for other in (line - 1, line + 1):
        if 1 <= other <= doc.index.line_count:
            text = doc.index.line_text(other)
            if text.lstrip().startswith("|") and _display_width(text) == width:
                return True
    return False


def _display_width(text: str) -> int:
    text = text.rstrip()
    return len(text) + sum(1 for ch in text if ord(ch) > 0x10FF and unicodedata.east_asian_width(ch) in "WF")


def _spaced_half_width(doc) -> bool:
    """Does the article write its brackets around Chinese text half-width with a space outside
    them, ``有 `sidebar` (侧导航) 和``, three times or more and twice as often as without the
    space, and never full-width? That is a house style (zhlint's default, which Vue's Chinese
    docs follow), not a slip. (Once or twice in a short page tells no style: most pages of a
    folder may write them full-width.)"""
    spaced = unspaced = 0
    for span in doc.prose:
        text = span.text
        if "(" not in text and "（" not in text:
            continue
        for o, c in _bracket_pairs(text):
            if text[o] == "（" or text[c] == "）":
                if text[o] == "（" and text[c] == "）":
                    return False
                continue  # a mixed pair: reported whatever the style
            if _CHINESE.search(text, o + 1, c) is None:
                continue
            if _spaced(text, o, c):
                spaced += 1
            else:
                unspaced += 1
    return spaced >= 3 and spaced >= 2 * unspaced


_CLOSING_MARKS = frozenset("，。：；？！、")


def _file_edit(doc, span, text: str, edit: tuple[int, int, str]) -> tuple[int, int, str, str]:
    """An edit of a bracket at ``span``'s text indexes as file offsets, with the mark it
    replaces: (first, last, replacement, mark)."""
    start, end, replacement = edit
    mark = text[start:end].strip()
    first, last = span.offset(start), span.end_offset(end)
    if end - start > 1 and doc.crosses_prose(first, last):
        # The space taken with the bracket is not next to it in the file (a link's destination
        # lies between): the bracket alone.
        bracket = start + text[start:end].index(mark)
        first, last = span.offset(bracket), span.end_offset(bracket + 1)
    if doc.text[first] == mark:
        first = _escape_start(doc, first)
    return first, last, replacement, mark


def _bracket_finding(doc, span, edits: list[tuple[int, int, str, str]], why: str, placed: str, style: str) -> Finding:
    """One finding for a pair of brackets: for the half-width one, or for both (one fix that
    makes both full-width)."""
    reasons = [_bracket_unsafe_because(doc, first, mark, why, placed, style) for first, _, _, mark in edits]
    reason = next((r for r in reasons if r), "")
    if len(edits) == 1:
        [(first, last, replacement, mark)] = edits
        return RULE.finding(doc, first, last, f"half-width '{mark}' {why}: use the full-width '{replacement}'", replacement=replacement, unsafe_reason=reason)
    (first, _, _, _), (_, last, _, _) = edits
    message = f"half-width brackets '(…)' {why}: use the full-width '（…）'"
    return RULE.finding_with_edits(doc, first, last, message, [edit[:3] for edit in edits], "use full-width brackets", unsafe_reason=reason)


# A part's number in Chinese numerals at the start of a heading or paragraph ("二. 拉取代码"):
# its mark is no full stop.
_NUMBERING = lazy_pattern(r"[\s\x00*_]*[一二三四五六七八九十百零〇]+")
# A numbered label there ("方法一. 常规用法", "步骤二. 安装"): a colon follows it in Chinese.
_LABELLED = lazy_pattern(r"[\s\x00*_]*(?:方法|步骤|步驟|第|示例|例|阶段|階段|选项|選項|方案|场景|場景|问题|問題|部分|用法)[一二三四五六七八九十百零〇]+")


def _numbering(text: str, m: "re.Match[str]") -> tuple[str, str] | None:
    """(message, replacement) for a '.' that ends a part's number at the start of ``text``
    (numbered, ``二.``, or a numbered label, ``方法一.``); None for another full stop."""
    if _NUMBERING.fullmatch(text, 0, m.start()) is not None:
        return "half-width '.' after a Chinese numeral: '、' numbers a part in Chinese ('二、')", "、"
    if _LABELLED.fullmatch(text, 0, m.start()) is not None:
        return "half-width '.' after a numbered label: a colon follows it in Chinese ('方法一：')", "："
    return None
_NUMBERING_STYLE = "'一.' may be the site's own style of numbering"


# A mark the text names rather than writes: what something is separated or joined with
# ("用:进行分隔", ",分开"), which a full-width mark would change. (After 用 only a colon or a
# semicolon: "作用," ends a clause.)
_NAMED_MARK = lazy_pattern(r"用\s*$")
# A colon that joins two names where the text writes one so in Latin too (服务名:接口名 beside
# Shop:Cart) or names the mark (":"): it is the format's separator, not a label's colon.
_JOINED_NAMES = lazy_pattern(r"(?<![:/\w])[A-Za-z_][\w.-]*:[A-Za-z_][\w.-]*(?![:/\w])|[\"'“‘「]:[\"'”’」]")
_SEPARATES = lazy_pattern(r"\s*(?:进行|進行)?(?:分隔|分割|隔开|隔開|分开|分開|连接|連接|拼接|串接|结尾|結尾|开头|開頭)")


# Characters that go on with a sentence and cannot start one: a full stop before them is a
# stray mark ("[语法](…).的 DNS 规则"), which a full-width 。 would not mend.
_CONTINUING = frozenset("的了地得着著过過吗嗎呢吧么麼们們")


def _mark_unsafe_because(text: str, m: "re.Match[str]") -> str:
    """Why the fix of the sentence mark ``m`` needs a person; "" when it is safe."""
    if _SEPARATES.match(text, m.end()) or (m.group(1) in ":;" and _NAMED_MARK.search(text, 0, m.start())):
        return "the text may name the mark itself (用:进行分隔, separated with ':'), which stays half-width"
    if m.group(1) == ":" and m.end() < len(text) and not text[m.end()].isspace() and _JOINED_NAMES.search(text):
        return "it may join the two parts of a name, as the text writes one in Latin (服务名:接口名 beside Shop:Cart)"
    if m.group(1) != ".":
        return ""
    if m.end(1) < len(text) and not text[m.end(1)].isspace():
        return "with no space after it, a '.' between Chinese characters may stand for '，' as well as '。'"
    if text[m.start() - 1] in _ABBREVIATED:
        return "'如.' and the like may abbreviate, not end a sentence"
    after = text[m.end() : m.end() + 1]
    if after in _CONTINUING:
        return "the sentence goes on after it: the mark may be a stray one, to be taken out"
    if _DOTTED_NAME.fullmatch(text.strip(" \t\n\x00")):
        return "it joins the two parts of a name, all the text holds (类名.方法名), as a dot in code does"
    if _in_a_dotted_chain(text, m.start()):
        return "it joins the parts of a name, as a domain's dots do (服务名.分组名.命名空间.vault)"
    return ""


# Three parts or more joined by dots, none holding a space or a sentence's mark: a name's
# format (服务名.分组名.命名空间.vault), whose dots no sentence ends at.
_NAME_PART = r"[^\s.。，、；：！？,;:!?“”\"'‘’（）()]+"
_DOTTED_CHAIN = lazy_pattern(rf"{_NAME_PART}(?:\.{_NAME_PART}){{2,}}")


def _in_a_dotted_chain(text: str, at: int) -> bool:
    """Is the dot at ``at`` one of a chain of three parts or more (see _DOTTED_CHAIN)?"""
    start = at
    while start > 0 and not (text[start - 1].isspace() or text[start - 1] in "。，、；：！？,;:!?“”\"'‘’（）()"):
        start -= 1
    m = _DOTTED_CHAIN.match(text, start)
    return m is not None and m.start() <= at < m.end()


# A text that is one name of two parts joined by a dot, and nothing else (a table's cell
# 类名.方法名, ClassName.methodName in words): the dot is the name's, not a sentence's end.
_DOTTED_NAME = re.compile(r"[^\s.。，、；：！？,;:!?]+\.[^\s.。，、；：！？,;:!?]+")


def _bracket_unsafe_because(doc, first: int, mark: str, why: str, placed: str, style: str) -> str:
    """Why the fix of a half-width bracket at file offset ``first`` needs a person; "" when
    it is safe: a pair of mixed widths, or a knowledge base that asks for full-width ones.
    ``placed``: why any fix where it stands needs one (a heading's anchor, a padded table)."""
    if placed:
        return placed
    if mark == ")" and _ends_bare_url(doc.text, first):
        return _AFTER_URL  # "(見 https://x.example)": a full-width ） would join the bare URL
    if why != _MIXED and style != "full-width":
        return _HOUSE_STYLE
    return ""


_MIXED = "paired with a full-width bracket"
_HOUSE_STYLE = (
    "some house styles write half-width brackets in Chinese text too "
    "(cjk_brackets: full-width in the configuration makes this fix safe)"
)
_HEADING_ANCHOR = "a heading's text makes its anchor, which links may name"
_AFTER_URL = "a full-width bracket right after a bare URL would be read as part of the URL"

# Characters that "如." (e.g.) or "例." abbreviate with a half-width point: not a full stop.
_ABBREVIATED = "如例即注"


def _ends_bare_url(text: str, at: int) -> bool:
    """Does a bare URL end right before file offset ``at``? Renderers that link bare URLs
    stop a URL at a half-width ')' that closes a bracket, but not at a full-width one."""
    start = at
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "(（<":
        start -= 1
    if start > 1 and text[start - 1] == "(" and text[start - 2] == "]":
        return False  # "[text](https://x.example))": the link's own destination
    word = text[start:at]
    return "://" in word or word.startswith("www.")


RULE = Rule(
    code="KL306",
    name="cjk-punctuation",
    severity=Severity.WARNING,
    summary="Half-width punctuation between Chinese characters in a Chinese article.",
    languages=("zh-Hant", "zh-Hans"),
    documentation="""\
## What it does
In `zh-*` articles, reports half-width `, . : ; ? !` between Chinese characters, where the
full-width `，。：；？！` are expected, and half-width round brackets around Chinese text or
paired with a full-width one (`（注意)`). Half-width brackets around Latin-only content
(`数据库(DB)备份`, `Studio (PWA Studio)中`) are a house style several style guides follow and are
allowed. So, where the configuration does not say, are half-width brackets around Chinese
text in an article that writes them so on purpose: with a space outside them (`有 sidebar
(侧导航) 和`, zhlint's default), three times or more and twice as often as without, and
never full-width (those without the space are still reported). `cjk_brackets` in the configuration changes that: `full-width` asks for full-width
brackets everywhere in Chinese text, `any` allows half-width ones everywhere (a pair of mixed
widths is still reported). A pair of half-width brackets is one finding, whose fix makes both
full-width. An interval's round bracket pairs with its square one (`（如 [0-10), [10-20) 等）`). A part numbered in Chinese numerals (`二. 拉取代码`) is told `、`, not `。`, and a
numbered label (`方法一. 常规用法`) `：`. Code,
URLs and Latin text are left alone.

## Why it matters
Half-width punctuation in Chinese text looks cramped and uneven, and is a sure sign of text
typed with the wrong input mode or pasted from an English draft.

## Example
```markdown file=zh-Hans/KB1.md
请将恢复码保存在安全的地方,它们是唯一方式（重设密码请参见 KB1001)。备份(离线)也可以。
```

## Does not fire
```markdown file=zh-Hans/KB1.md
请将恢复码保存在安全的地方，它们是唯一方式。版本 2.0, build 5 (beta) 与 `a,b`，数据库(DB)备份。

校验值 Sum = SHA1(用户名 + 密钥)。

选择规则：(性能 >> 开发效率) || (团队熟悉 Rust) -> Rust。
```
A function's brackets in a formula (`Sum = SHA1(…)`) are the function's, not an aside, and
brackets that group a term of an expression, an operator outside them (`(性能 >> 开发效率) || …`),
are the expression's.

## Fix
Safe: the full-width mark replaces the half-width one (and a space after it, and a backslash
that escaped it: `\\(` becomes `（`); a space beside a converted bracket goes too, as the
Chinese standards write no space beside full-width punctuation. Brackets with no Chinese text
near them outside (`[Xuan Huang (黄玄)](…)` in an English sentence) are left as they are.
A half-width bracket around Chinese text is made full-width by `--fix` only where
`cjk_brackets` is `full-width` (or with `--unsafe-fixes`): some house styles write half-width
brackets in Chinese text throughout, and there the fix would rewrite correct text; a bracket
paired with a full-width one is always fixed. Unsafe in a heading without an explicit id (its
text makes its anchor), for `如.` (an abbreviation), for a `.` before a word that goes on with
the sentence (`语法.的`: a stray mark, to be taken out), for a `.` with no space after it
(`更新配置.使它生效` wants a `，`, not a `。`), for a `.` that joins the two parts of
a name that is all the text holds (a table's cell `类名.方法名`), for a mark the text names
rather than writes (`用:进行分隔`, `,分开`: the character to type) and for a `)` right after a bare URL
(`（重定向至 https://example.org)`): a renderer that links bare URLs would take a full-width `）`
into the link. Unsafe too in a table whose rows are padded to line up (as a reader sees
them: a Chinese character is two columns wide), as formatters pad them: a full-width mark
widens its row, and the table must be padded again.

## Fixed
What `kblint --fix` makes of the example:
```markdown file=zh-Hans/KB1.md
请将恢复码保存在安全的地方，它们是唯一方式（重设密码请参见 KB1001）。备份(离线)也可以。
```
""",
    fix="safe",
    check=check,
)
