"""Precision and recall of kblint's text rules, measured on real text no one here wrote.

    python benchmarks/precision.py              # the table, and exit 1 if a target is missed
    python benchmarks/precision.py --show 20    # with the 20 texts most reported per rule
    python benchmarks/precision.py --json out.json

The corpus is built at run time, never stored: the msgstr texts of the system's gettext
catalogues (``/usr/share/locale/zh_TW``, ``zh_HK`` and ``zh_Hant`` as Traditional, ``zh_CN`` and
``zh_Hans`` as Simplified: translations made by people for Debian's packages) and English
Markdown written by other projects' authors: the README descriptions of the Python packages
installed beside kblint, the READMEs of installed npm packages and the Markdown documentation
under ``/usr/share/doc`` (Node.js' API reference among it). Each catalogue becomes a few articles of one
paragraph per message (its Markdown signs escaped, so that the paragraph reads as the
translator wrote the message), each README one article as it is, in a temporary knowledge
base that kblint lints with its text rules, exactly as it would lint a knowledge base.

Targets (issue 15): mixed-script ≤ 1 hit per 10,000 Han characters in Traditional and in
Simplified text; unbalanced-quote + unbalanced-bracket ≤ 20 per MB of English and ≤ 1 per
10,000 Han characters; mixed-script recall ≥ 95 % on genuine sentences in which one word was
replaced by its other-script form (``recall``: every replaced character must be reported).
"""

from __future__ import annotations

import argparse
import gettext
import glob
import json
import random
import re
import sys
import tempfile
from collections import Counter, defaultdict
from email import message_from_string
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from kblint.model.config import Config
from kblint.run.engine import run
from kblint.rules.registry import Registry, builtin_rules

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
CATALOGUES = {"zh-Hant": ("zh_TW", "zh_HK", "zh_Hant"), "zh-Hans": ("zh_CN", "zh_Hans")}
RULES = ["mixed-script", "unbalanced-quote", "unbalanced-bracket", "cjk-punctuation", "repeated-word", "typo"]
PER_ARTICLE = 150  # messages per article


def messages(folder: str) -> list[tuple[str, str]]:
    """(catalogue, msgstr) of every translated message of the catalogues in ``folder``."""
    found = []
    for path in sorted(glob.glob(f"/usr/share/locale/{folder}/LC_MESSAGES/*.mo")):
        try:
            with open(path, "rb") as handle:
                catalogue = gettext.GNUTranslations(handle)
        except (OSError, ValueError) as error:
            print(f"skipped {path}: {error}", file=sys.stderr)
            continue
        name = Path(path).stem
        for key, value in catalogue._catalog.items():  # noqa: SLF001 - the parsed messages
            if key and isinstance(value, str) and value.strip():
                found.append((name, value))
    return found


ENGLISH_LIMIT = 4_000_000  # bytes of English Markdown: enough for a rate, quick to lint


def readmes() -> list[tuple[str, str]]:
    """(name, Markdown) of English documentation on this machine: the README descriptions of
    the installed Python distributions, the README files of installed npm packages, and the
    Markdown documentation of Debian's packages (/usr/share/doc: READMEs, Node.js' API
    reference), up to ENGLISH_LIMIT bytes, in a stable order."""
    found = {}
    for dist in metadata.distributions():
        message = message_from_string(dist.read_text("METADATA") or "")
        body = message.get_payload() or message.get("Description") or ""
        if "markdown" in (message.get("Description-Content-Type") or "") and len(body) > 500:
            found[f"pypi-{(message.get('Name') or 'package').lower()}"] = body
    files = sorted(glob.glob("/usr/lib/node_modules/**/README.md", recursive=True))
    files += sorted(glob.glob("/usr/share/nodejs/*/README.md"))
    files += sorted(glob.glob("/usr/share/doc/**/*.md", recursive=True))
    total = sum(len(t) for t in found.values())
    for path in files:
        if total > ENGLISH_LIMIT:
            break
        try:
            text = Path(path).read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if len(text) > 500 and path not in found:
            found[path.strip("/").replace("/", "-")] = text
            total += len(text)
    return sorted(found.items())


_MARKDOWN_SIGNS = re.compile(r"([\\`*_\[\]<>|~#!+-])")


def as_prose(message: str) -> str:
    """A message as one Markdown paragraph that renders as its text: the signs Markdown reads
    (backticks, asterisks, brackets, <, #, list markers) escaped, indentation (which would make
    code of usage text) and blank lines left out. The rules then see the translator's text."""
    lines = [_MARKDOWN_SIGNS.sub(r"\\\1", line.strip()) for line in message.splitlines()]
    return "\n".join(re.sub(r"^(\d+)([.)])", r"\1\\\2", line) for line in lines if line)


def article(title: str, paragraphs: list[str]) -> str:
    body = "\n\n".join(as_prose(p) for p in paragraphs if as_prose(p))
    return f"---\ntitle: {json.dumps(title)}\n---\n\n{body}\n"


def build(root: Path) -> dict[str, dict]:
    """Write the corpus under ``root``; per language, its size."""
    sizes: dict[str, dict] = {}
    for locale, folders in CATALOGUES.items():
        texts = [m for folder in folders for m in messages(folder)]
        by_catalogue = defaultdict(list)
        for name, text in texts:
            by_catalogue[name].append(text)
        for name, items in by_catalogue.items():
            for k in range(0, len(items), PER_ARTICLE):
                path = root / locale / f"{name}-{k // PER_ARTICLE}.md"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(article(name, items[k : k + PER_ARTICLE]), "utf-8")
        sizes[locale] = {"messages": len(texts), "han": sum(len(HAN.findall(t)) for _, t in texts)}
    english = readmes()
    for name, text in english:
        path = root / "en" / f"{re.sub(r'[^a-z0-9]+', '-', name.lower())}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    sizes["en"] = {"readmes": len(english), "bytes": sum(len(t.encode("utf-8")) for _, t in english)}
    return sizes


def lint(root: Path) -> list:
    config = Config(root=root, source_locale="en")
    registry = Registry(builtin_rules())
    return run([root], config, registry.select(RULES, [])).findings


def _word(finding, root: Path) -> str:
    text = (root / finding.path).read_text("utf-8").splitlines()[finding.line - 1]
    if finding.line == finding.end_line:
        return text[finding.column - 1 : max(finding.end_column - 1, finding.column)]
    return text[finding.column - 1 :]


def recall(samples: int, seed: int) -> dict[str, dict]:
    """Genuine sentences with one two-character window replaced by its other-script form:
    how many of the replaced characters mixed-script reports, and how often it reports a
    character outside the window."""
    from kblint.lang.chinese import converter
    from kblint.rules.mixed_script import find_runs

    results = {}
    rng = random.Random(seed)
    for locale, folders in CATALOGUES.items():
        to_other = converter("t2s" if locale == "zh-Hant" else "s2t")
        texts = [t for folder in folders for _, t in messages(folder)]
        rng.shuffle(texts)
        planted = found = outside = sentences = 0
        missed: Counter = Counter()
        for text in texts:
            if sentences >= samples:
                break
            changeable = [i for i, ch in enumerate(text[:-1]) if HAN.match(ch) and HAN.match(text[i + 1])]
            rng.shuffle(changeable)
            for i in changeable:
                window = text[i : i + 2]
                other = to_other.convert(window)
                if len(other) == 2 and other != window:
                    break
            else:
                continue
            sentences += 1
            changed = text[:i] + other + text[i + 2 :]
            positions = {i + k for k in range(2) if other[k] != window[k]}
            flagged = {p for start, end, _ in find_runs(changed, locale) for p in range(start, end)}
            planted += len(positions)
            found += len(positions & flagged)
            outside += len(flagged - positions - {i, i + 1})
            for p in positions - flagged:
                missed[changed[max(0, p - 2) : p + 3]] += 1
        results[locale] = {
            "sentences": sentences,
            "replaced characters": planted,
            "reported": found,
            "recall": found / planted if planted else 1.0,
            "reported elsewhere": outside,
            "missed most": missed.most_common(15),
        }
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=10, help="the texts most reported per rule and language")
    parser.add_argument("--samples", type=int, default=3000, help="sentences per language for recall")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--json", type=Path, help="also write the results as JSON")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        sizes = build(root)
        if not sizes["zh-Hant"]["han"] or not sizes["zh-Hans"]["han"]:
            print("no zh_TW or zh_CN gettext catalogues under /usr/share/locale: nothing to measure", file=sys.stderr)
            return 2
        findings = lint(root)
        counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
        for f in findings:
            counts[(f.name, f.path.split("/", 1)[0])][_word(f, root)] += 1
    rows = []
    for rule in RULES:
        for language in ("zh-Hant", "zh-Hans", "en"):
            hits = sum(counts[(rule, language)].values())
            if language == "en":
                rate, unit = hits / (sizes["en"]["bytes"] / 1e6), "per MB"
            else:
                rate, unit = hits / sizes[language]["han"] * 10000, "per 10,000 Han"
            rows.append({"rule": rule, "language": language, "hits": hits, "rate": rate, "unit": unit,
                         "most": counts[(rule, language)].most_common(args.show)})  # fmt: skip
    measured = recall(args.samples, args.seed)

    print(f"Corpus: {sizes['zh-Hant']['messages']} Traditional messages ({sizes['zh-Hant']['han']} Han characters), "
          f"{sizes['zh-Hans']['messages']} Simplified ({sizes['zh-Hans']['han']}), "
          f"{sizes['en']['readmes']} English READMEs ({sizes['en']['bytes'] / 1e6:.2f} MB)\n")  # fmt: skip
    print(f"| {'rule':<20} | {'language':<8} | {'hits':>5} | {'rate':>8} | unit")
    print(f"| {'-' * 20} | {'-' * 8} | {'-' * 5} | {'-' * 8} | ---")
    for row in rows:
        print(f"| {row['rule']:<20} | {row['language']:<8} | {row['hits']:>5} | {row['rate']:>8.2f} | {row['unit']}")
    for row in rows:
        if row["most"]:
            listed = ", ".join(f"{text!r} ×{n}" for text, n in row["most"])
            print(f"\n{row['rule']} in {row['language']}, most reported: {listed}")
    print()
    for locale, result in measured.items():
        print(
            f"mixed-script recall in {locale}: {result['reported']}/{result['replaced characters']} replaced characters "
            f"({result['recall']:.1%}) in {result['sentences']} sentences; {result['reported elsewhere']} characters "
            f"reported outside the replaced words"
        )
        if result["missed most"]:
            print("  missed, in context: " + ", ".join(f"{t!r} ×{n}" for t, n in result["missed most"]))

    rate = {(r["rule"], r["language"]): r["rate"] for r in rows}
    targets = [
        ("mixed-script ≤ 1 per 10,000 Han characters (Traditional)", rate[("mixed-script", "zh-Hant")] <= 1),
        ("mixed-script ≤ 1 per 10,000 Han characters (Simplified)", rate[("mixed-script", "zh-Hans")] <= 1),
        ("mixed-script recall ≥ 95 % (Traditional)", measured["zh-Hant"]["recall"] >= 0.95),
        ("mixed-script recall ≥ 95 % (Simplified)", measured["zh-Hans"]["recall"] >= 0.95),
        ("quotes + brackets ≤ 20 per MB of English", rate[("unbalanced-quote", "en")] + rate[("unbalanced-bracket", "en")] <= 20),
        ("quotes + brackets ≤ 1 per 10,000 Han (Traditional)", rate[("unbalanced-quote", "zh-Hant")] + rate[("unbalanced-bracket", "zh-Hant")] <= 1),
        ("quotes + brackets ≤ 1 per 10,000 Han (Simplified)", rate[("unbalanced-quote", "zh-Hans")] + rate[("unbalanced-bracket", "zh-Hans")] <= 1),
    ]  # fmt: skip
    print("\nTargets:")
    for label, met in targets:
        print(f"  {'met    ' if met else 'MISSED '} {label}")
    if args.json:
        args.json.write_text(json.dumps({"sizes": sizes, "rows": rows, "recall": measured}, ensure_ascii=False, indent=1), "utf-8")
    return 0 if all(met for _, met in targets) else 1


if __name__ == "__main__":
    sys.exit(main())
