"""Declarative rule packs: YAML files that define rules without code.

A pack holds ``rules``, each of type ``existence`` (a word, phrase or regex that should not
appear) or ``substitution`` (wrong → right, optionally with a fix). Packs ship in the wheel
(``rules/`` in the repository, ``kblint/packs`` once installed) and more can be named in the
configuration. Built-in code rules keep their word lists in the same folder (``data`` packs).

Example::

    rules:
      - code: KP101
        name: key-name
        type: substitution
        severity: warning
        summary: Key names are written the way the keyboard labels them.
        languages: ["*"]
        case_sensitive: true
        fix: safe
        swap: {CRTL: Ctrl, Ctl: Ctrl}
"""

from __future__ import annotations

import re
import weakref
from functools import cache
from pathlib import Path
from typing import Any, Callable, Iterator

from kblint.formats.yamlmemo import is_yaml_error, load_remembered
from kblint.model.userregex import compile_user, template_fields
from kblint.model.finding import Finding, Severity
from kblint.model.text import MASK
from kblint.lang.data import packs_folder
from kblint.rules.api import Rule


class PackError(Exception):
    """A rule pack that cannot be used: reported with the file, the rule and the problem."""


_RULE_SCHEMA = {
    "type": "object",
    "required": ["code", "name", "type", "summary"],
    "additionalProperties": False,
    "properties": {
        "code": {"type": "string", "pattern": r"^[A-Z]{2,4}[0-9]{3}$"},
        "name": {"type": "string", "pattern": r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$"},
        "type": {"enum": ["existence", "substitution"]},
        "severity": {"enum": ["error", "warning", "info"]},
        "summary": {"type": "string"},
        "documentation": {"type": "string"},
        "message": {"type": "string"},
        "languages": {"type": "array", "items": {"type": "string"}},
        "case_sensitive": {"type": "boolean"},
        "word_boundary": {"type": "boolean"},
        "regex": {"type": "boolean"},
        "enabled": {"type": "boolean"},
        "fix": {"enum": ["safe", "unsafe", "none"]},
        "tokens": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        # Strings one of which an article must hold for a regex rule to be tried on it at all.
        "requires": {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1},
        "swap": {"type": "object", "additionalProperties": {"type": "string"}, "minProperties": 1},
        "examples": {
            "type": "object",
            "properties": {"fires": {"type": "string"}, "passes": {"type": "string"}, "fixed": {"type": "string"}},
            "additionalProperties": False,
        },
    },
}
_PACK_SCHEMA = {
    "type": "object",
    "required": ["rules"],
    "additionalProperties": False,
    "properties": {
        "description": {"type": "string"},
        "rules": {"type": "array", "items": _RULE_SCHEMA},
    },
}


def _compile(spec: dict[str, Any], words: list[str], where: str, shipped: bool = False) -> re.Pattern[str]:
    """The pattern of a pack's words. A user's regular expressions run with a time limit
    (kblint.model.userregex); a shipped pack's are kblint's own, tested to run in linear time,
    and stay on ``re``: the ``regex`` package costs a run 10 ms to import, in every process
    that meets an article where a shipped pattern must run."""
    flags = 0 if spec.get("case_sensitive", False) else re.IGNORECASE
    parts = []
    for word in words:
        body = word if spec.get("regex", False) else re.escape(word)
        if spec.get("word_boundary", True):
            # Word boundaries that also work next to CJK text: no letter or digit on either side.
            body = rf"(?<![^\W_]){body}(?![^\W_])" if not re.search(r"[\u3000-\u9fff]", word) else body
        parts.append(f"(?:{body})")
    try:
        if spec.get("regex", False) and not shipped:
            return compile_user("|".join(parts), where, flags)
        return re.compile("|".join(parts), flags)  # escaped words: no pattern of the user's
    except re.error as error:
        raise PackError(f"{where}: invalid regular expression: {error}") from error


def _documentation(spec: dict[str, Any]) -> str:
    text = spec.get("documentation", "").strip()
    examples = spec.get("examples", {})
    kind = spec["type"]
    if not text:
        if kind == "existence":
            listed = ", ".join(f"`{t}`" for t in spec["tokens"][:12])
            text = f"## What it does\nReports these words or phrases: {listed}.\n\n## Why it matters\n{spec['summary']}"
        else:
            listed = ", ".join(f"`{k}` → `{v}`" for k, v in list(spec["swap"].items())[:12])
            text = f"## What it does\nReplaces: {listed}.\n\n## Why it matters\n{spec['summary']}"
    if "fires" in examples and "## Example" not in text:
        text += f"\n\n## Example\n```markdown\n{examples['fires'].rstrip()}\n```"
    if "passes" in examples and "## Does not fire" not in text:
        text += f"\n\n## Does not fire\n```markdown\n{examples['passes'].rstrip()}\n```"
    if "fixed" in examples and "## Fixed" not in text:
        text += f"\n\n## Fixed\n```markdown\n{examples['fixed'].rstrip()}\n```"
    if "\n## Fix\n" not in text + "\n":
        fix = spec.get("fix", "safe" if kind == "substitution" else "none")
        text += {
            "safe": "\n\n## Fix\nSafe: the replacement is applied by `kblint --fix`.",
            "unsafe": "\n\n## Fix\nUnsafe: applied only with `kblint --fix --unsafe-fixes`.",
            "none": "\n\n## Fix\nNone.",
        }[fix]
    return text


def _check_message(message: str, where: str) -> None:
    """A rule's message names only {match} and {replacement}, as they are: any other field,
    attribute or format spec would fail, or fill memory, at the first finding instead."""
    try:
        fields = template_fields(message)
    except ValueError as error:
        raise PackError(f"{where}: message: {error} (write {{{{ and }}}} for a brace)") from error
    for name, spec, conversion in fields:
        if name not in ("match", "replacement"):
            raise PackError(f"{where}: message: unknown placeholder '{{{name}}}': a message may use {{match}} and {{replacement}}")
        if spec or conversion:
            raise PackError(f"{where}: message: '{{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}' takes no format: write {{{name}}}")


def _replacer(spec: dict[str, Any], where: str) -> Callable[[str], str | None]:
    """What a substitution rule puts for the text it found (None: nothing, or not that kind)."""
    swap = spec.get("swap", {})
    folded = {k.casefold(): v for k, v in swap.items()}
    key_flags = 0 if spec.get("case_sensitive") else re.IGNORECASE
    try:
        key_patterns = [(compile_user(k, where, key_flags), v) for k, v in swap.items()] if spec.get("regex", False) else []
    except re.error as error:
        raise PackError(f"{where}: invalid regular expression: {error}") from error
    substitution = spec["type"] == "substitution"

    def replacement_for(found: str) -> str | None:
        if not substitution:
            return None
        if found in swap:
            return swap[found]
        if found.casefold() in folded:
            return folded[found.casefold()]
        for key_pattern, value in key_patterns:
            if key_pattern.fullmatch(found):
                return key_pattern.sub(value, found)
        return None

    return replacement_for


def _holds_one(lowered: str, needles: tuple[str, ...]) -> bool:
    """Does a text (``lowered``: in lower case) hold one of a pack's words? Where it holds none,
    the pack's pattern cannot match. Tested on the whole file, then span by span: a pattern
    that must try every character of a long article runs only where its words are (faster
    with a hundred words too)."""
    return any(n in lowered for n in needles)


def _make_rule(spec: dict[str, Any], origin: str, where: str, compile_now: bool = True) -> Rule:
    """A pack's rule. Its patterns are compiled at once for a user's pack (one that does not
    compile is a configuration error before any file is read); a shipped pack's, which its
    tests compile, when the rule first runs: a run that the cache serves whole runs none, and
    compiling them all cost it 15 ms."""
    kind = spec["type"]
    if kind == "existence" and "tokens" not in spec:
        raise PackError(f"{where}: an existence rule needs 'tokens'")
    if kind == "substitution" and "swap" not in spec:
        raise PackError(f"{where}: a substitution rule needs 'swap'")
    words = spec["tokens"] if kind == "existence" else list(spec["swap"])

    @cache
    def compiled() -> tuple[re.Pattern[str], Callable[[str], str | None]]:
        return _compile(spec, words, where, shipped=not compile_now), _replacer(spec, where)

    if compile_now:
        compiled()
    fix = spec.get("fix", "safe" if kind == "substitution" else "none")
    default_message = "'{match}' should not be used" if kind == "existence" else "'{match}' should be '{replacement}'"
    message = spec.get("message", default_message)
    _check_message(message, where)
    regex_keys = spec.get("regex", False)
    # Literal words allow a cheap test on the whole file before any regex runs.
    needles = tuple(r.lower() for r in spec["requires"]) if "requires" in spec else None if regex_keys else tuple(w.lower() for w in words)

    def check(doc, config) -> Iterator[Finding]:
        if needles is not None and not _holds_one(doc.lowered, needles):
            return
        pattern, replacement_for = compiled()
        for span in doc.body.prose:
            if needles is not None and not _holds_one(span.text.lower(), needles):
                continue
            for m in pattern.finditer(span.text):
                found = m.group(0)
                if MASK in found or found in config.accepted_words:
                    continue
                replacement = replacement_for(found)
                start, end = span.offset(m.start()), span.end_offset(m.end())
                text = message.format(match=found, replacement=replacement or "")
                yield owner().finding(doc, start, end, text, replacement if fix != "none" else None)

    rule = Rule(
        code=spec["code"],
        name=spec["name"],
        severity=Severity(spec.get("severity", "warning")),
        summary=spec["summary"],
        documentation=_documentation(spec),
        fix=fix,
        enabled_by_default=spec.get("enabled", True),
        check=check,
        origin=origin,
        languages=tuple(spec.get("languages", [])),
        text_alone=True,  # (its check reads the prose and the settings: see Rule.text_alone)
    )
    # The rule holds its check: the check holds the rule back weakly, so that a registry's
    # rules are freed by reference counting (a run pauses the cyclic collector).
    owner = weakref.ref(rule)
    return rule


def load_pack(path: Path, validate: bool = True, origin: str | None = None, memo: Path | None = None) -> list[Rule]:
    """The rules of one pack. Shipped packs skip schema validation at run time (a test
    validates them); user packs are always validated. ``memo``: where the parsed YAML is
    remembered (see yamlmemo)."""
    try:
        data = load_remembered(path.read_text("utf-8"), path, memo)
    except (OSError, UnicodeDecodeError) as error:
        raise PackError(f"{path}: cannot be read: {error}") from error
    except Exception as error:
        if not is_yaml_error(error):
            raise
        raise PackError(f"{path}: invalid YAML: {getattr(error, 'problem', error)}") from error
    if not isinstance(data, dict) or "rules" not in data:
        raise PackError(f"{path}: a rule pack is a mapping with a 'rules' list")
    if validate:
        _validate(path, data)
    return [_make_rule(spec, origin or str(path), f"{path}: rule {spec['name']}", compile_now=validate) for spec in data["rules"]]


def _validate(path: Path, data: dict[str, Any]) -> None:
    import jsonschema

    errors = sorted(jsonschema.Draft202012Validator(_PACK_SCHEMA).iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        error = errors[0]
        where = list(error.absolute_path)
        rule_name = ""
        if len(where) >= 2 and where[0] == "rules" and isinstance(where[1], int):
            item = data["rules"][where[1]]
            rule_name = f" rule {item.get('name', '#' + str(where[1]))}" if isinstance(item, dict) else ""
            where = where[2:]
        key = ".".join(str(p) for p in where)
        problem = error.message
        if error.validator == "additionalProperties":
            extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
            problem = f"unknown key '{extra[0]}'" if extra else problem
        raise PackError(f"{path}:{rule_name}{' ' + key if key else ''}: {problem}")


def load_packs(extra: list[Path] = (), memo: Path | None = None) -> list[Rule]:
    """The shipped rule packs (``*.yaml`` with ``rules``) and the configured ones; ``memo``:
    where their parsed YAML is remembered (see yamlmemo)."""
    rules: list[Rule] = []
    for path in sorted(packs_folder().glob("*.yaml")):
        if path.name.startswith("data-"):
            continue  # word lists of built-in rules
        rules.extend(load_pack(path, validate=False, origin=f"rules/{path.name} (shipped with kblint)", memo=memo))
    for path in extra:
        rules.extend(load_pack(path, memo=memo))
    return rules
