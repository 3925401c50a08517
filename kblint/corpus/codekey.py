"""The key by which a translation's code is compared with its source's."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from typing import Iterable

from kblint.model.patterns import lazy_pattern

# What translators may change in a code block without changing the code: comments, the text
# of string literals and the text between tags (JSX and HTML samples whose UI text is
# translated). Both sides are normalized the same way, so commands, names and structure
# still have to match.
# (A // comment needs no space after it: translators write //注释. Ruby's result comment, #=> 3,
# needs none either.)
# Where a comment starts: /* */ and <!-- --> run to their closer, the others to the line's end.
_COMMENT_START = lazy_pattern(r"/\*|<!--|(?:^|(?<=\s))(?://|(?:#+|--|;)[ \t]|#+$|#=>)", re.M)
_BLOCK_CLOSERS = {"/*": "*/", "<!--": "-->"}


def _strip_code_comments(text: str) -> str:
    """``text`` without its comments. A scan, not one pattern with ``/[*].*?[*]/``: that pattern
    rescans to the end of the text from every opener without a closer (quadratic); here an
    opener without a closer means no later one has a closer either."""
    pieces: list[str] = []
    kept_from = pos = 0
    closable = {"/*": True, "<!--": True}
    while (m := _COMMENT_START.search(text, pos)) is not None:
        opener = m.group(0)
        closer = _BLOCK_CLOSERS.get(opener)
        if closer is not None:
            end = text.find(closer, m.end()) if closable[opener] else -1
            if end < 0:
                closable[opener] = False
                pos = m.start() + 1
                continue
            end += len(closer)
        else:
            end = text.find("\n", m.end())  # the rest of the line (a lone "#" at its end: nothing)
            end = len(text) if end < 0 else end
        pieces.append(text[kept_from : m.start()])
        kept_from = pos = end
    if not pieces:
        return text
    pieces.append(text[kept_from:])
    return "".join(pieces)


# A package or image registry's host, which a translation for readers in China replaces with a
# mirror there (registry: docker.io made registry: x.cn-hangzhou.cr.aliyuncs.com, an image
# greptime/greptimedb pulled from a mirror's address, registry.npmjs.org made
# registry.npmmirror.com): where the code downloads from, not what it does. Left out, with the
# slash after it, on both sides.
_REGISTRY_HOSTS = (
    "docker.io", "docker.com", "gcr.io", "registry.k8s.io", "quay.io", "ghcr.io", "npmjs.org", "yarnpkg.com", "pypi.org",
    "pythonhosted.org", "proxy.golang.org", "aliyuncs.com", "aliyun.com", "npmmirror.com", "npm.taobao.org", "goproxy.cn",
    "goproxy.io", "daocloud.io", "tsinghua.edu.cn", "ustc.edu.cn", "tencentyun.com", "tencentcloudcr.com", "myhuaweicloud.com",
)  # fmt: skip
# (docker, npmjs, aliyuncs…: one search, most code holds none of them)
_REGISTRY_HINT = lazy_pattern("|".join(sorted({re.escape(host.rsplit(".", 1)[0].rsplit(".", 1)[-1]) for host in _REGISTRY_HOSTS})))
_REGISTRY_HOST = lazy_pattern(r"(?<![\w.-])(?:[\w-]+\.)*(?:%s)(?![\w.-])/?" % "|".join(re.escape(h) for h in _REGISTRY_HOSTS))


def without_registry_hosts(code: str) -> str:
    """``code`` without the hosts of package and image registries it names (_REGISTRY_HOSTS)."""
    return _REGISTRY_HOST.sub("", code) if _REGISTRY_HINT.search(code) is not None else code


# A component block's props that hold text (vuepress-theme-hope's ```component VPCard: title,
# desc), in YAML: their values are a translator's; the others (link, logo) are compared.
_TEXT_PROPS = lazy_pattern(r"^([ \t]*[\"']?(?:title|desc|description|text|name|label|alt|tip|details|caption|subtitle|content)[\"']?[ \t]*:).*$", re.M)
_BATCH = frozenset({"bat", "batch", "cmd", "dos", "dosbatch", "winbatch"})
_DIFF_REMOVED = lazy_pattern(r"^-(?!--).*(?:\n|$)", re.M)  # a line taken out (not a file's "--- a/x")
_DIFF_ADDED = lazy_pattern(r"^\+(?!\+\+)", re.M)  # the mark of a line put in
# A line that starts with "#" and words: a comment in a shell, YAML or Python (#create the
# policy), which a translator translates (#查看状态). Left out in every language, so that a
# block whose language one side names and the other does not is read alike (in C or a
# transcript it may be code or output: then it is left out on both sides). A "#" and one
# word stays: a colour (#bd34fe,), an id, a directive.
_HASH_LINE_COMMENT = lazy_pattern(r"^[ \t]*#[^\s#!][^\n]*?(?:[^\x00-\x7f]|\S[ \t]+\S)[^\n]*$", re.M)
# Languages whose lines that start with # are comments, one word or many (#prometheusPort), a
# shebang's #! aside.
_HASH_COMMENTS = frozenset(
    "properties conf cfg ini toml yaml yml env dotenv sh bash shell zsh python py ruby rb perl r dockerfile makefile nginx".split()
)
_ANY_HASH_LINE = lazy_pattern(r"^[ \t]*#(?!!).*$", re.M)
# An elision (``...`` or ``…`` standing for code left out), not a spread (``...args``) or a
# range (``1...5``).
_ELISION = lazy_pattern(r"(?<![\w.])(?:\.\.\.|…)(?![\w.$\[({])")
# Words in angle brackets, a placeholder (<public file URL>, <your token>): two words at least,
# letters and spaces only (no tag's attribute, no type's parameters: <T extends K> has none).
_WORDS_IN_ANGLES = lazy_pattern(r"<[^\W\d_]+(?:[ \t]+[^\W\d_]+)+>")
_BATCH_COMMENT = lazy_pattern(r"^[ \t]*(?:::|@?[Rr][Ee][Mm](?![^ \t\n])).*$", re.M)
_CODE_STRING = lazy_pattern(r""""(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`""")
# Text between tags, with the expressions in it ({name}, Vue's {{ name }}), which stay: they are code.
# A text is a letter or a full-width mark (a translation's "！" after a translated word).
_CODE_TEXT = lazy_pattern(r">(?:[^<>{};=()]|\{\{[^{}<>]*\}\}|\{[^{}<>]*\})*?(?:[^\W\d_]|[\u3000-\u303f\uff01-\uff5e])(?:[^<>{};=()]|\{\{[^{}<>]*\}\}|\{[^{}<>]*\})*<")
_CODE_EXPRESSION = lazy_pattern(r"\{\{[^{}<>]*\}\}|\{[^{}<>]*\}")
# The text of markup before the first tag of a line and after its last one (`Read more <a
# href="…">…</a>.` and its translation `<a href="…">…</a>에 대해 더 알아보세요.`): words and
# sentence marks, nothing code has (no braces, "=", semicolons, parentheses or quotes).
_LINE_OF_TAGS = lazy_pattern(r"<[A-Za-z/][^<>]*>")
_TEXT_AT_A_LINES_START = lazy_pattern(r"^([ \t]*)[^\s<>{};=()\"'`][^\n<>{};=()\"'`]*?(?=<[A-Za-z/])", re.M)
_TEXT_AT_A_LINES_END = lazy_pattern(r"(?<=>)[^\n<>{};=()\"'`]+$", re.M)
# (A prompt written against its command, $vela, is one too: spacing is formatting.)
_PROMPT = lazy_pattern(r"^[ \t]*\$(?=[A-Za-z]|[ \t]+\S)", re.M)
_BARE_PROMPT = lazy_pattern(r"^[ \t]*[\w.-]+@[\w.-]+(?::[^\s#$]*)?[#$][ \t]*$|^[ \t]*\$[ \t]*$", re.M)
# A root shell's prompt before a command (# kubectl get all -n system, then its output), which
# one side shows and the other leaves out: in a shell's block it reads as a comment, and the
# command went with it. Only before a tool's name that is no English word, with an argument of
# code (an option, a path, an assignment, a file's name), and no sentence's end: "# git is
# required." and "# cd into the folder" stay comments.
_ROOT_PROMPT = lazy_pattern(
    r"^([ \t]*)#[ \t]+(?=(?:sudo|kubectl|kubeadm|helm|docker|podman|crictl|nerdctl|git|curl|wget|npm|npx|yarn|pnpm|pip3?|python3?|apt-get|apt|yum|dnf|systemctl|journalctl|mkdir|chmod|chown|tar|ssh|scp|minikube|k3s|etcdctl|istioctl|openssl|ls)"
    r"[ \t][^\n]*?(?:(?<![^ \t])--?[A-Za-z]|[/=]\w|\w\.[A-Za-z])[^\n]*(?<![.。:：])$)",
    re.M,
)
# Where a "#" line is a comment of another language (a configuration's, a script's), it stays one.
_NO_PROMPTS = frozenset("properties conf cfg ini toml yaml yml env dotenv python py ruby rb perl r dockerfile makefile nginx".split())
_FULL_WIDTH = str.maketrans("：，。；！？（）", ":,.;!?()")
_LONE_SEMICOLON = lazy_pattern(r"(?<!;);(?!;)")
_CODE_TRAILING_COMMA = lazy_pattern(r",(?=[\]})])")
# Blocks of plain text (no language, or text): often an illustration a translator translates.
TEXT_INFOS = ("", "text", "txt", "plaintext", "plain", "markdown", "md", "mdx", "markdoc")
TRANSLATED_TEXT = "text"  # the key of a text block written in another script: not compared
OR = "|"  # between a block's two keys (its words' and its code's, see either_key)


def either_key(key: str, others: "frozenset[str] | set[str]") -> str:
    """The key of a block that has two (``words:…|…`` of one of text, or that of a block that
    names no language as YAML's, then its own) for a comparison with the other side's blocks,
    whose keys are ``others``' parts: the second where a block of the other side is that code
    (```yaml for this one's ```text), else the first, where one has it (text whose words are
    translated; many blocks of a few words have one skeleton), else the second."""
    if OR not in key:
        return key
    words, _, code = key.partition(OR)
    return code if code in others or words not in others else words


def key_parts(keys: "Iterable[str]") -> set[str]:
    """Each part of each of ``keys`` (a text block's words' and code's)."""
    return {part for key in keys for part in key.split(OR)}
# Blocks that say they are text, Markdown or a diagram (whose labels are text): what their
# words say is a translator's to translate; what is compared is what lies between the words
# (markup, numbers, punctuation, the lines), so that `| Vorname | Nachname |` is
# `| First name | Last name |`. (A block without a language may be a command, kept as code.)
# An MDX or Markdoc example is Markdown too: its sample prose, its cards' titles and its
# components' text are translated; its tags and attributes' names are compared.
_WORDS_TRANSLATED = ("text", "txt", "plaintext", "plain", "markdown", "md", "mdx", "markdoc")
_COMPONENT_MARKUP = ("mdx", "markdoc")
# A Mermaid diagram's labels, messages and notes are text, and a translation writes them in its
# own words ("HTTPS-Request", "Loadbalancer"), and may rename its nodes; what is compared is
# each line's keyword (or that it starts with a node) and its arrows: the diagram's shape.
_MERMAID_TEXT = lazy_pattern(r'"[^"\n]*"|\[[^\]\n]*\]|\([^)\n]*\)|\{[^}\n]*\}|\|[^|\n]*\||:.*')
_MERMAID_ARROW = lazy_pattern(r"[<xo]?[-.=]{2,}[>xo)]{0,2}|[<xo]?[-.=]+>{1,2}")
_MERMAID_KEYWORDS = frozenset(
    "graph flowchart sequenceDiagram classDiagram stateDiagram stateDiagram-v2 erDiagram gantt pie journey gitGraph mindmap "
    "timeline participant actor Note note loop alt else opt par and rect critical break end subgraph direction style "
    "classDef class click linkStyle activate deactivate autonumber title section".split()
)
_MERMAID_EDGE_LABEL = lazy_pattern(r"[-=.]{2}[^-=.>|\n]+?([-=.]{2,}>)")  # a --label--> arrow is its -->
# Words (hyphenated ones whole: a file name an example translates, image-inside-public.png), and
# the marks a sentence's words come with, which a translation's sentence need not
# have where the source's has them (Here's, a comma before "and", ¿…?); "!" before "[" is markup.
# A word as an identifier writes it (NEXT_PUBLIC_ID, camelCase, x86) is kept: a text block may
# hold code. (Nor is ";" a sentence's mark here: `return x;` is broken by a full-width "；".)
_WORD = lazy_pattern(r"\w+(?:[.-]\w+)*|[,.'’?\"“”«»„¿¡，。、？！]|!(?!\[)")
_IDENTIFIER = lazy_pattern(r"[^\W_]+(?:_[^\W_]+)+|\w*(?:\d|[a-z][A-Z])\w*|[A-Z][A-Z]+")  # (_emphasis_ is Markdown)


def _without_words(m: "re.Match[str]") -> str:
    """A word or a sentence's mark taken out; an identifier kept, and a dotted name with one
    (klay.blockNumber, whose klay a translation must not change)."""
    word = m.group(0)
    return word if any(_IDENTIFIER.fullmatch(part) for part in _WORD_PARTS.split(word)) else ""


_WORD_PARTS = lazy_pattern(r"[.-]")
_SLASHES = lazy_pattern(r"/{2,}")


def _empty_string(m: "re.Match[str]") -> str:
    return '""'  # whichever quotes: a formatter's choice too


_EMPTY_ELEMENT = lazy_pattern(r"<([A-Za-z][\w.-]*)([^<>]*?)/?></\1>")


_PAST_LATIN = lazy_pattern("[^\x00-\u02ff]")  # past Latin Extended and the spacing modifiers


def holds_letters_past_latin(code: str) -> bool:
    """Has ``code`` a letter of another script than Latin (a text block written in Chinese)?
    Characters past U+02FF are searched for in C: most plain-text blocks are ASCII, and a
    loop over each character cost a tenth of a second on a site's release notes."""
    if code.isascii():
        return False
    return any(m.group(0).isalpha() for m in _PAST_LATIN.finditer(code))


# Cached: an article's translations mostly hold its code blocks as they are (React's site: a
# code block in three of every five is one met before).
@lru_cache(maxsize=8192)
def code_key(code: str, info: str = "code") -> str:
    """The hash by which a translation's code block is compared with its source's."""
    language = info.split(" ", 1)[0].lower()
    if language == "mermaid":
        return "mermaid:" + hashlib.sha1(_diagram_shape(code).encode("utf-8", "replace")).hexdigest()[:16]
    if code.lstrip(" \t").startswith("-"):
        options = _option_column(code)
        if options is not None:
            return "options:" + hashlib.sha1(options.encode("utf-8", "replace")).hexdigest()[:16]
    if language in TEXT_INFOS and holds_letters_past_latin(code):
        return TRANSLATED_TEXT
    if language in _WORDS_TRANSLATED:
        words = "words:" + hashlib.sha1(_between_words(code, language).encode("utf-8", "replace")).hexdigest()[:16]
        # (And as code: the other side may name the block's language where this one says text,
        # ```yaml for ```text. See ``either_key``.)
        return f"{words}{OR}{code_key(code)}"
    if language == "" and "#" in code:
        return _also_as_hash_commented(code, _code_key_of(code, language))
    return _code_key_of(code, language)


def _also_as_hash_commented(code: str, key: str) -> str:
    """The key of a block that names no language, and where it differs, its key as a block of a
    language whose every ``#`` line is a comment (``#END`` in YAML), which the other side may
    name (```yaml): either answers a comparison (see ``either_key``)."""
    hashed = _code_key_of(code, "yaml")
    if hashed in (key, TRANSLATED_TEXT, _NOTHING) or key == TRANSLATED_TEXT:
        return key  # (nothing left as YAML: a root prompt's command, # mkdir, not a comment)
    return f"{hashed}{OR}{key}"


_NOTHING = hashlib.sha1(b"").hexdigest()[:16]  # the key of a block of comments alone


def _code_key_of(code: str, language: str) -> str:
    """The hash of ``code`` as a block of ``language`` (code, not text) is compared."""
    text = _without_comments(_without_transcript_marks(code, language), language)
    # (VALUES or values: one SQL statement. Read from the text, not the language a side names:
    # one side may name the block's language, the other none.)
    caseless = _SQL_STATEMENT.match(text) is not None
    text = _without_moments(without_registry_hosts(code_without_text(text)))
    if holds_letters_past_latin(text):
        # Words in another script than Latin left in code, past its comments and strings (a
        # placeholder, `PrivateKey = 我的私钥`, `http://二级域名.你的域名.com`): the translator's
        # to translate, on either side.
        return TRANSLATED_TEXT
    text = _without_formatting(text)
    if caseless:
        text = text.casefold()
    return hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:16]


# Code that opens with an SQL statement's keyword, whose keywords and names are the same in
# any case.
_SQL_STATEMENT = re.compile(r"\s*(?i:select|insert|update|delete|create|alter|drop|show|describe|explain|with|grant|revoke|truncate|upsert|merge)\s")


def _without_transcript_marks(text: str, language: str) -> str:
    """Code as it runs: a diff's result, lines continued joined, a shell's prompts left out,
    a VuePress component block's props without their text."""
    if language == "diff" and ("\n+" in text or "\n-" in text or text[:1] in "+-"):
        # A change shown as a diff is the code it makes (the other side may show the result):
        # the lines it takes out left out, the marks of those it puts in dropped.
        text = _DIFF_REMOVED.sub("", text)
        text = _DIFF_ADDED.sub("", text)
    if "\\\n" in text:
        text = text.replace("\\\n", " ")  # a line continued (a shell's, a macro's): formatting
    if "$" in text or "#" in text:
        # A prompt with nothing after it (root@node:/# at a transcript's end): one side keeps
        # the terminal's last line, the other leaves it out.
        text = _BARE_PROMPT.sub("", text)
    if "#" in text and language not in _NO_PROMPTS:
        text = _ROOT_PROMPT.sub(r"\1", text)
    if "$" in text:
        text = _PROMPT.sub("", text)  # a shell's prompt, which one side shows and the other leaves out
    if language == "component":  # a VuePress theme's component block: its props' text is translated
        text = _TEXT_PROPS.sub(r"\1", text)
    return text


def _without_comments(text: str, language: str) -> str:
    """Code without what a translator may write otherwise: its comments, an elision, a
    placeholder of words."""
    if language in _BATCH:
        text = _BATCH_COMMENT.sub("", text)  # :: and REM lines, as cmd.exe reads them
    if "#" in text and language in _HASH_COMMENTS:
        text = _ANY_HASH_LINE.sub("", text)  # a configuration's or a script's: every # line (#prometheusPort)
    elif "#" in text and "\n" in text.strip():  # (a block's lines: a code span is code, `#my-anchor`)
        text = _HASH_LINE_COMMENT.sub("", text)
    if "//" in text or "#" in text or "-- " in text or "; " in text or "/*" in text or "<!" in text:
        text = _strip_code_comments(text)
    if "..." in text or "…" in text:
        text = _ELISION.sub("", text)  # what the example leaves out (`/* ... */` one side, `...` the other)
    if "<" in text:
        text = _WORDS_IN_ANGLES.sub("<>", text)  # a placeholder a translator translates: <public file URL>
    return text


def _without_formatting(text: str) -> str:
    """Code without what a formatter decides: spacing, lone semicolons, an empty element's
    closing tag, JSX's explicit spaces, trailing commas, full-width punctuation."""
    if ";" in text:
        # A formatter's, like the spacing: at a line's end, and between the members of a type
        # written on one line ({ a: string; b: number }), which another writes a line each.
        text = _LONE_SEMICOLON.sub("", text)  # (two in a row, ";;", is a slip: kept)
    text = "".join(text.split())  # spacing is formatting, not code
    if "></" in text:
        text = _EMPTY_ELEMENT.sub(r"<\1\2/>", text)  # <Tag a={b}></Tag> is <Tag a={b} />
    if "{''}" in text or '{""}' in text:
        text = text.replace("{''}", "").replace('{""}', "")  # JSX's explicit space: spacing too
    if not text.isascii():
        text = text.translate(_FULL_WIDTH)  # punctuation of translated text between tags: {label}：
        text = text.replace("……", "...").replace("…", "...")  # an ellipsis, as a translator writes it
    if "," in text:
        text = _CODE_TRAILING_COMMA.sub("", text)  # [a, b,] is [a, b]: a formatter's choice
    return text


def _between_words(code: str, language: str) -> str:
    """A text, Markdown or component example without its words: its markup, numbers and
    punctuation, a line at a time (a component's strings and the text between its tags go
    first, as code's do, and its lines are its formatter's)."""
    words = code_without_text(code) if language in _COMPONENT_MARKUP else code
    between = "\n".join("".join(line.split()) for line in _WORD.sub(_without_words, words).split("\n"))
    if language in _COMPONENT_MARKUP:
        between = "".join(between.split())
    if "//" in between:
        # A path's words taken out leave its slashes: a translation's link to its own
        # language's page (/de/getting-started/) has one word more than the source's.
        between = _SLASHES.sub("/", between)
    return between.replace("：", ":")  # a sentence's colon, as its language writes it (a semicolon may be code's)


# A moment a program printed, to the second: an ISO date and time (2022-09-02T18:54:18Z), or
# a clock time with its weekday, month and day, and year (Fri Sep  2 18:54:18 2022): a
# translation shows the output of its own run.
_A_MOMENT = lazy_pattern(
    r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?"
    r"|\b(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),? +)?(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2},? +)?\d{1,2}:\d{2}:\d{2}(?:\.\d+)?(?: +(?:[A-Z]{3,4}|[+-]\d{4}))?(?: +\d{4})?\b"
)


def _without_moments(text: str) -> str:
    """``text`` with a sample output's clock (LAST DEPLOYED: …) as one mark: when it ran."""
    return _A_MOMENT.sub("<time>", text) if ":" in text else text


# A line of a command's list of options: the options and their value's type, then, after two
# spaces or more, what they do (``  -n, --namespace string   namespace scope``).
_OPTION_LINE = lazy_pattern(r"[ \t]*(-{1,2}[^\s,=-][^\s,=]*(?:,[ \t]*-{1,2}[^\s,=]+)*(?:[ =]\S+)?)(?:[ \t]{2,}\S.*)?[ \t]*")


def _option_column(code: str) -> str | None:
    """The options of a block that lists a command's options a line each (a CLI's help), without
    what each does, which a translation translates; None for other code."""
    found = []
    for line in code.split("\n"):
        if line.strip():
            m = _OPTION_LINE.fullmatch(line)
            if m is None:
                return None
            found.append(m.group(1))
    return "\n".join(found) if found else None


def _diagram_shape(code: str) -> str:
    """A Mermaid diagram without its text: each line's keyword (or "node") and its arrows."""
    shape = []
    for line in code.splitlines():
        bare = _MERMAID_TEXT.sub(" ", _MERMAID_EDGE_LABEL.sub(r" \1", line))
        words = bare.split()
        if words:
            # A node's id may be translated too (Obsidian's diagrams name notes by them).
            first = words[0] if words[0] in _MERMAID_KEYWORDS else "node"
            shape.append(first + "".join(_MERMAID_ARROW.findall(bare)))
    return "\n".join(shape)


def _expressions_between_tags(m: re.Match[str]) -> str:
    # Sorted: a translation's word order may put them the other way round ({planet} … {place}).
    return ">" + "".join(sorted(_CODE_EXPRESSION.findall(m.group(0)))) + "<"


def code_without_text(code: str) -> str:
    """Code without the text of its string literals and between its tags (a message or a label
    a translator translates): `"✅ 连接中..."` and `"✅ Connecting..."` are one code (code blocks
    through ``code_key``, code spans in translation-drift)."""
    text = code
    if '"' in text or "'" in text or "`" in text:
        text = _CODE_STRING.sub(_empty_string, text)
    if ">" in text and "<" in text:
        text = _CODE_TEXT.sub(_expressions_between_tags, text)
        if _LINE_OF_TAGS.search(text) is not None:
            text = _TEXT_AT_A_LINES_END.sub("", _TEXT_AT_A_LINES_START.sub(r"\1", text))
    return text
