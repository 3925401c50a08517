from __future__ import annotations

import re
from typing import Iterator

from kblint.corpus.brackets import half_width_styles
from kblint.corpus.contributed import BRACKETS
from kblint.corpus.summary import as_span
from kblint.lang.cjk_brackets import CHINESE, CJK, MARKS, BracketFinding, bracket_findings, escape_start, in_arguments, placement
from kblint.model.finding import Finding, Severity
from kblint.model.patterns import lazy_pattern
from kblint.rules.api import Rule

FULL = {",": "，", ".": "。", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
# Sentence punctuation between Chinese characters (a space typed after it goes too).
BETWEEN = lazy_pattern(rf"(?<=[{CJK}])([,.:;?!])[ ]?(?=[{CJK}])")


def check(doc, config) -> Iterator[Finding]:
    for span in doc.prose:
        text = span.text
        if MARKS.search(text) is None or CHINESE.search(text) is None:
            continue
        placed = None  # (asked once a span has a mark to report)
        for m in BETWEEN.finditer(text):
            mark = m.group(1)
            if mark == ":" and _in_a_format(text, m.start()):
                continue  # 时:分:秒: the parts of a format, joined as the format writes them
            if mark == "," and in_arguments(text, m.start()):
                continue  # max(元数据副本数量, 数据副本数量): a function's arguments, as code writes them
            if placed is None:
                placed = placement(doc, span)
            numbering = _numbering(text, m) if mark == "." else None
            message, replacement = numbering or (f"half-width '{mark}' between Chinese characters: use the full-width '{FULL[mark]}'", FULL[mark])
            yield RULE.finding(
                doc,
                escape_start(doc, span.offset(m.start())),
                span.end_offset(m.end()),
                message,
                replacement=replacement,
                unsafe_reason=placed or (_NUMBERING_STYLE if numbering else _mark_unsafe_because(text, m)),
            )
    configured = "cjk_brackets" in config.raw
    # Where the configuration does not say, half-width brackets around Chinese text are the
    # corpus check's (it knows the knowledge base's style, from the BRACKETS fact): here only
    # the pairs of mixed widths, those the style "any" reports alone.
    for found in bracket_findings(doc, config.cjk_brackets if configured else "any", configured):
        yield _bracket_finding(doc, found)


def _bracket_finding(doc, found: BracketFinding) -> Finding:
    if not found.description:
        [(_, _, replacement)] = found.edits or [(0, 0, None)]
        return RULE.finding(doc, found.first, found.last, found.message, replacement=replacement, unsafe_reason=found.reason)
    return RULE.finding_with_edits(doc, found.first, found.last, found.message, list(found.edits), found.description, unsafe_reason=found.reason)


def check_corpus(corpus, config) -> Iterator[Finding]:
    """The half-width brackets around Chinese text of the checked articles (kept in their
    summaries, BRACKETS), unless their language writes its brackets so as often as not."""
    if "cjk_brackets" in config.raw:
        return
    styles: dict[str, bool] | None = None
    for summary in corpus.checked_articles:
        kept = summary.fact(BRACKETS)
        if not kept or not kept[2]:
            continue
        if styles is None:
            styles = half_width_styles(corpus)
        if styles.get(summary.locale):
            continue
        for place, message, edits, description, reason, context in kept[2]:
            yield RULE.finding_placed(summary.relpath, as_span(place), message, [(as_span(at), text) for at, text in edits], description, reason, context)


# Three characters or more joined by colons, no other Chinese text against them (时:分:秒,
# 年:月:日): a format's parts, which it writes with half-width colons as a clock does.
_FORMAT_OF_PARTS = lazy_pattern(rf"(?<![{CJK}])[{CJK}](?::[{CJK}]){{2,}}(?![{CJK}])")


def _in_a_format(text: str, at: int) -> bool:
    """Is the colon at ``at`` one of a format's (see _FORMAT_OF_PARTS)?"""
    m = _FORMAT_OF_PARTS.search(text, max(0, at - 12))
    while m is not None and m.end() <= at:
        m = _FORMAT_OF_PARTS.search(text, m.end())
    return m is not None and m.start() <= at < m.end()


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
_SEPARATES = lazy_pattern(
    r"\s*(?:进行|進行)?(?:分隔|分割|隔开|隔開|分开|分開|连接|連接|拼接|串接|结尾|結尾|开头|開頭)"
    # (or what goes before or after it: "key: value（注意:后有空格）", a space after the colon)
    r"|\s*(?:后|後|前)(?:面|边|邊)?(?:要|需要?|必须|必須)?(?:有|加|跟|接|留|带|帶)(?:一个|一個)?(?:空格|空白|换行|換行)"
)


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


# Characters that "如." (e.g.) or "例." abbreviate with a half-width point: not a full stop.
_ABBREVIATED = "如例即注"


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
never full-width (those without the space are still reported), and in a knowledge base whose
articles in that language write their brackets around Chinese text half-width at least as
often as full-width, ten pairs or more (Vue's Chinese docs do: a style, counted over every
article of the language, not a page's slips). `cjk_brackets` in the configuration changes that: `full-width` asks for full-width
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

只有节点数 > max(元数据副本数, 数据副本数)时才可移除。
```
A function's brackets in a formula (`Sum = SHA1(…)`), or around its arguments written as code
writes them (`max(元数据副本数, 数据副本数)`), are the function's, not an aside, and so are the
commas between those arguments; brackets that group a
term of an expression, an operator outside them (`(性能 >> 开发效率) || …`), are the expression's.

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
    text_alone=True,
    check_corpus=check_corpus,
    facts=(BRACKETS,),
)
