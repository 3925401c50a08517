"""The rules' catalog: what a run reads of the built-in rules without importing them."""

import ast
import importlib
import subprocess
import sys

import pytest

from kblint.rules.catalog import BUILTIN_MODULES, DATA_MODULE, FUNCTIONS, _Deferred, data_source, deferred_rules, describe, imported_rules, is_current, resolve


def test_the_catalog_is_what_the_rule_modules_say():
    assert is_current(), "run: python -m kblint.rules.catalog"


@pytest.mark.skipif(sys.version_info[:2] != (3, 11), reason="the text is laid out by pprint as Python 3.11 does")
def test_the_catalogs_text_is_the_one_written():
    assert DATA_MODULE.read_text("utf-8") == data_source(), "run: python -m kblint.rules.catalog"


def test_a_deferred_rule_reads_as_its_module_defines_it():
    for module, deferred, real in zip(BUILTIN_MODULES, deferred_rules(), imported_rules()):
        assert describe(module, deferred) == describe(module, real)
        assert deferred.facts == real.facts  # the same Fact objects, found by name


def test_resolve_puts_the_modules_functions_in_place():
    rules = deferred_rules()
    assert any(isinstance(getattr(rule, field), _Deferred) for rule in rules for field in FUNCTIONS)
    resolve(rules)
    for module, rule in zip(BUILTIN_MODULES, rules):
        real = importlib.import_module(f"kblint.rules.{module}").RULE
        for field in FUNCTIONS:
            assert getattr(rule, field) is getattr(real, field), (rule.name, field)


def test_a_deferred_check_imports_its_module_when_first_called(tmp_path):
    # In a process of its own: this one has imported every rule already.
    script = """
import sys
from kblint.rules.registry import registry_for
from kblint.run.settings import load_config
from kblint.kb.document import build_document
from pathlib import Path

root = Path(sys.argv[1])
(root / "a.md").write_text("# A title\\n\\nThe the word is doubled.\\n", encoding="utf-8")
config = load_config(None, root)
rule = registry_for(config).get("repeated-word")
assert "kblint.rules.repeated_word" not in sys.modules, "imported before a check ran"
check = rule.check
document = build_document(root / "a.md", "a.md", (root / "a.md").read_bytes(), config)
found = list(check(document, config))
assert "kblint.rules.repeated_word" in sys.modules
assert rule.check is sys.modules["kblint.rules.repeated_word"].RULE.check
assert [f.name for f in found] == ["repeated-word"], found
assert list(rule.check(document, config)) == found
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_a_run_the_cache_serves_imports_no_rule_module(tmp_path):
    (tmp_path / "kblint.yaml").write_text("locales: [en]\n", encoding="utf-8")
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "a.md").write_text("# A title\n\nSee the guide.\n", encoding="utf-8")
    cold = subprocess.run([sys.executable, "-m", "kblint", "--quiet", "-j", "1", "."], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert cold.returncode == 0, cold.stderr
    warm = """
import sys
from kblint.app.cli import main
main(["--quiet", "-j", "1", "."])
print(sorted(m for m in sys.modules if m.startswith("kblint.rules.")))
"""
    done = subprocess.run([sys.executable, "-c", warm], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    imported = ast.literal_eval(done.stdout.strip().splitlines()[-1])
    assert imported == ["kblint.rules.api", "kblint.rules.catalog", "kblint.rules.catalog_data", "kblint.rules.packs", "kblint.rules.registry"]
