"""Locales the language identifier does not know never end a run: a pair it cannot judge is
not judged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kblint.app.cli import main
from kblint.lang.untranslated import identifier_language, identify
from helpers import write_files as write

ENGLISH = "# Setup\n\nInstall the tool on the server before you start the service for the first time.\n"
NORWEGIAN = "# Oppsett\n\nInstaller verktøyet på serveren før du starter tjenesten for første gang.\n"


def lint(cwd: Path, monkeypatch, capsys, *args: str) -> tuple[int, list[dict], str]:
    monkeypatch.chdir(cwd)
    code = main(["--no-cache", "--format", "json", *args])
    out, err = capsys.readouterr()
    return code, json.loads(out)["findings"] if out.strip() else [], err


@pytest.mark.parametrize("folder", ["nb", "nb-NO", "mi", "iw", "en_GB"])
def test_a_locale_folder_the_identifier_does_not_know_ends_no_run(tmp_path, monkeypatch, capsys, folder):
    write(tmp_path, {"en/setup.md": ENGLISH, f"{folder}/setup.md": NORWEGIAN, f"{folder}/other.md": ENGLISH})
    code, _, err = lint(tmp_path, monkeypatch, capsys, ".")
    assert code in (0, 1), err
    assert "internal error" not in err


@pytest.mark.parametrize(
    "settings_text, files",
    [
        ("source_locale: fil\nlocales: [fil, en]\n", {"fil/setup.md": NORWEGIAN, "en/setup.md": ENGLISH}),
        ("locales: [en, x-custom]\n", {"en/setup.md": ENGLISH, "x-custom/setup.md": ENGLISH}),
        ("source_locale: ''\n", {"en/setup.md": ENGLISH, "setup.md": ENGLISH}),
    ],
)
def test_a_configured_locale_the_identifier_does_not_know_ends_no_run(tmp_path, monkeypatch, capsys, settings_text, files):
    write(tmp_path, {"kblint.yaml": settings_text, **files})
    code, _, err = lint(tmp_path, monkeypatch, capsys, ".")
    assert code in (0, 1), err
    assert "internal error" not in err


def test_identifier_codes_of_locales():
    known = {"no", "he", "tl", "en", "zh"}
    assert [identifier_language(x, known) for x in ("nb", "nb_NO", "iw", "fil", "en_GB", "mi", "x-custom", "")] == [
        "no", "no", "he", "tl", "en", None, None, None,
    ]  # fmt: skip
    assert identify("Installer verktøyet på serveren før du starter tjenesten for første gang i dag", ("en", "mi")) is None
    assert identify("Install the tool on the server before you start the service for the first time", ("en", "nb")) == "en"


def test_an_earlier_judgement_does_not_narrow_the_languages_known():
    english = "Install the tool on the server before you start the service for the first time"
    assert identify(english, ("en", "fr")) == "en"
    assert identify(english, ("nb", "en")) == "en"
    assert identify("Installer verktøyet på serveren før du starter tjenesten for første gang i dag", ("en", "nb")) == "nb"


def test_a_restriction_put_back_is_the_restriction_made_anew():
    """The identifier's last restrictions are kept and put back (a page's translations in many
    languages are read one after another): each judges as a restriction made for it alone."""
    import numpy as np

    from kblint.lang.untranslated import _identifier, _restrict, _restrictions

    identifier = _identifier()
    text = "Installer verktøyet på serveren før du starter tjenesten for første gang i dag"
    pairs = [("de", "en"), ("en", "no"), ("en", "fr"), ("de", "en"), ("en", "no")]
    judged = []
    for codes in pairs:
        _restrict(identifier, codes)
        judged.append((list(identifier.nb_classes), identifier._decide(text)))
    for codes, (classes, scores) in zip(pairs, judged):
        _restrictions.clear()
        _restrict(identifier, ("en", "ja"))  # another restriction between, made anew
        _restrict(identifier, codes)
        assert list(identifier.nb_classes) == classes and sorted(classes) == list(codes)
        assert np.array_equal(identifier._decide(text), scores)
    assert identify(text, ("nb", "en")) == "nb" and identify(text, ("en", "nb")) == "nb"


def test_the_model_read_in_one_piece_is_the_model_py3langid_reads():
    """kblint decompresses py3langid's model in one call (so that a thread can load it while
    the run goes on); what it builds must be what py3langid's own loader builds."""
    import numpy
    from py3langid import langid

    from kblint.lang.untranslated import _load_identifier, _model_path

    path = langid.MODEL_DIR / langid.MODEL_FILE
    assert _model_path() == path  # found before py3langid is imported
    ours, theirs = _load_identifier(), langid.LanguageIdentifier.from_modelpath(path, norm_probs=True)
    assert numpy.array_equal(ours.nb_ptc, theirs.nb_ptc) and numpy.array_equal(ours.nb_pc, theirs.nb_pc)
    assert ours.nb_classes == theirs.nb_classes and ours.tk_output == theirs.tk_output
    assert ours.tk_nextmove == theirs.tk_nextmove and ours.tk_row == theirs.tk_row
    sentence = "Installer verktøyet på serveren før du starter tjenesten for første gang i dag"
    assert ours.classify(sentence) == theirs.classify(sentence)


def test_preparing_the_identifier_loads_it_in_a_thread_and_returns_the_wait():
    """A run that forks workers starts the load, goes on, and waits before the fork; a run
    whose translations have their own scripts loads nothing."""
    from kblint.lang import untranslated

    assert untranslated.prepare_identifier({"en", "zh-Hans"}, "en") is None
    wait = untranslated.prepare_identifier({"en", "nb"}, "en")
    assert wait is not None
    wait()
    assert untranslated._loaded  # the wait returns once the model is there


def test_an_import_deadlock_with_the_loading_thread_ends_no_run(monkeypatch):
    """The import lock may see the run's import of py3langid and the loading thread's wait for
    each other (numpy taken first there) and fail the run's: the thread imports it, and the
    run goes on. Another error of that import still is one."""
    import builtins

    from kblint.lang import untranslated

    class _DeadlockError(RuntimeError):  # (as importlib names it)
        pass

    real_import = builtins.__import__

    def failing(error):
        def imports(name, *args, **kwargs):
            if name == "py3langid.langid":
                raise error
            return real_import(name, *args, **kwargs)

        return imports

    monkeypatch.setattr(builtins, "__import__", failing(_DeadlockError("deadlock detected by _ModuleLock('py3langid')")))
    wait = untranslated.prepare_identifier({"en", "nb"}, "en")
    assert wait is not None
    monkeypatch.setattr(builtins, "__import__", real_import)
    wait()
    monkeypatch.setattr(builtins, "__import__", failing(RuntimeError("another failure")))
    with pytest.raises(RuntimeError, match="another failure"):
        untranslated.prepare_identifier({"en", "nb"}, "en")
    monkeypatch.setattr(builtins, "__import__", real_import)


_BLAS_PROBE = """
import os, sys
for name in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_NUM_THREADS"):
    os.environ.pop(name, None)
if sys.argv[1] != "-":
    os.environ["OPENBLAS_NUM_THREADS"] = sys.argv[1]
from kblint.lang import untranslated
untranslated.prepare_identifier({"en", "es"}, "en")()
print(os.environ["OPENBLAS_NUM_THREADS"], os.environ["OMP_NUM_THREADS"], "numpy" in sys.modules)
"""


@pytest.mark.parametrize(("chosen", "seen"), [("-", "1 1 True"), ("3", "3 1 True")])
def test_numpy_is_imported_with_one_blas_thread_unless_the_user_chose(chosen, seen):
    """OpenBLAS starts a thread per core when numpy is imported, and again in each worker;
    they spin beside the workers for a multiplication of a few hundred numbers. A fresh process:
    numpy reads the setting once, when it is first imported."""
    import os
    import subprocess
    import sys

    from helpers import ROOT

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _BLAS_PROBE, chosen], env=env, capture_output=True, text=True, timeout=120)
    assert done.stdout.split("\n")[0] == seen, done.stderr


def test_a_models_arrays_are_read_where_they_lie_or_by_numpy():
    """A stored .npz member is viewed in place; an archive numpy must read itself (compressed
    members, Fortran order) is left to numpy."""
    import io

    import numpy

    from kblint.lang.untranslated import _stored_arrays

    arrays = {"rows": numpy.arange(600, dtype=numpy.uint16), "table": numpy.ones((3, 5), dtype=numpy.float16), "names": numpy.array(["en", "fr"])}
    stored = io.BytesIO()
    numpy.savez(stored, **arrays)
    read = _stored_arrays(stored.getvalue())
    assert read is not None and sorted(read) == sorted(arrays)
    assert all(numpy.array_equal(read[name], value) and read[name].dtype == value.dtype for name, value in arrays.items())
    compressed = io.BytesIO()
    numpy.savez_compressed(compressed, **arrays)
    assert _stored_arrays(compressed.getvalue()) is None
    fortran = io.BytesIO()
    numpy.savez(fortran, table=numpy.asfortranarray(numpy.ones((3, 5))))
    assert _stored_arrays(fortran.getvalue()) is None
    assert _stored_arrays(b"not an archive") is None


def _model():
    from py3langid import langid

    return langid.MODEL_DIR / langid.MODEL_FILE


def test_a_run_keeps_the_decompressed_model_and_the_next_maps_it(tmp_path, monkeypatch):
    """The first load decompresses the model and keeps the copy; the next one maps the copy
    (no decompression) and judges as py3langid's own loader does."""
    import lzma

    from py3langid import langid

    from kblint.lang import modelcopy
    from kblint.lang.untranslated import _load_identifier

    monkeypatch.setenv("KBLINT_MODEL_CACHE", str(tmp_path / "models"))
    first, theirs = _load_identifier(), langid.LanguageIdentifier.from_modelpath(_model(), norm_probs=True)
    copy = modelcopy.copy_path(_model())
    assert copy is not None and copy.parent == tmp_path / "models"
    assert copy.read_bytes() == lzma.decompress(_model().read_bytes())
    assert list(copy.parent.iterdir()) == [copy]  # written whole, then renamed: no part left

    def no_decompressing(*args):
        raise AssertionError("the model was decompressed although a copy is kept")

    monkeypatch.setattr(lzma, "decompress", no_decompressing)
    mapped = _load_identifier()
    assert isinstance(mapped.tk_nextmove, memoryview)
    assert mapped.tk_nextmove == theirs.tk_nextmove and mapped.tk_row == theirs.tk_row
    assert mapped.tk_output == theirs.tk_output and mapped.nb_classes == theirs.nb_classes
    for sentence in ("Installer verktøyet på serveren før du starter tjenesten for første gang i dag", ENGLISH):
        assert mapped.classify(sentence) == theirs.classify(sentence) == first.classify(sentence)


def test_a_damaged_copy_is_made_again(tmp_path, monkeypatch):
    from kblint.lang import modelcopy
    from kblint.lang.untranslated import _load_identifier

    monkeypatch.setenv("KBLINT_MODEL_CACHE", str(tmp_path))
    copy = modelcopy.copy_path(_model())
    copy.write_bytes(b"PK\x03\x04 not what was kept")
    identifier = _load_identifier()
    assert identifier.classify(ENGLISH)[0] == "en"
    assert copy.stat().st_size > 1_000_000  # the model's, in place of the damaged one
    assert _load_identifier().classify(ENGLISH)[0] == "en"


@pytest.mark.parametrize("setting", ["off", "0", ""])
def test_no_copy_is_kept_when_the_user_says_so(tmp_path, monkeypatch, setting):
    from kblint.lang import modelcopy

    monkeypatch.setenv("KBLINT_MODEL_CACHE", setting)
    assert modelcopy.copy_folder() is None and modelcopy.copy_path(_model()) is None
    modelcopy.keep_copy(_model(), b"model")
    assert modelcopy.mapped_copy(_model()) is None


def test_a_folder_that_cannot_be_written_keeps_no_copy_and_ends_nothing(tmp_path, monkeypatch):
    from kblint.lang import modelcopy

    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("x")
    monkeypatch.setenv("KBLINT_MODEL_CACHE", str(blocked / "models"))
    modelcopy.keep_copy(_model(), b"model")  # no error
    assert modelcopy.mapped_copy(_model()) is None


def test_the_copy_is_named_by_the_model_file_and_unused_copies_are_cleared(tmp_path, monkeypatch):
    """A new version of the model (another size or time) gets a copy of its own; copies no run
    has used for a month go when a new copy is kept, copies in use stay."""
    import os
    import time

    from kblint.lang import modelcopy

    monkeypatch.setenv("KBLINT_MODEL_CACHE", str(tmp_path / "models"))
    model = tmp_path / "model.npz.xz"
    model.write_bytes(b"version 1")
    old = modelcopy.copy_path(model)
    modelcopy.keep_copy(model, b"decompressed 1")
    recent = old.with_name("model-recent.decompressed")
    recent.write_bytes(b"a copy another environment uses")
    month_ago = time.time() - 31 * 24 * 3600
    os.utime(old, (month_ago, month_ago))
    model.write_bytes(b"version 2, longer")
    new = modelcopy.copy_path(model)
    assert new != old
    modelcopy.keep_copy(model, b"decompressed 2")
    assert new.read_bytes() == b"decompressed 2" and not old.exists() and recent.exists()
    mapped = modelcopy.mapped_copy(model)
    assert mapped is not None and mapped[:] == b"decompressed 2"


def test_a_model_numpy_must_read_itself_is_read_by_numpy_and_not_kept(tmp_path, monkeypatch):
    """Members kblint cannot view in place (compressed, in Fortran order) are numpy's to read;
    such a model is not kept, since a kept copy is only ever viewed in place."""
    from kblint.lang import modelcopy, untranslated

    monkeypatch.setenv("KBLINT_MODEL_CACHE", str(tmp_path))
    monkeypatch.setattr(untranslated, "_stored_arrays", lambda raw: None)
    identifier = untranslated._load_identifier()
    assert identifier.classify(ENGLISH)[0] == "en"
    assert not modelcopy.copy_path(_model()).exists()


PARAGRAPHS = [
    "Open the settings and choose the folder where your notes are kept, then restart the app.",
    "Öffne die Einstellungen und wähle den Ordner, in dem deine Notizen liegen, dann starte neu.",
    "Ouvrez les réglages et choisissez le dossier de vos notes, puis redémarrez l'application.",
    "Abra as configurações e escolha a pasta das suas notas, depois reinicie o aplicativo agora.",
    "",
    "UPPER CASE TEXT IS READ IN LOWER CASE BY THE IDENTIFIER BEFORE IT IS WALKED",
    "x",
    "Ñandú, café, naïve: letters past ASCII walk as UTF-8 bytes, two or three of them each.",
]


def test_the_models_automaton_stands_for_no_more_bytes_than_the_batch_walks():
    from kblint.lang.batchid import _DEPTH, deepest_state
    from kblint.lang.untranslated import _identifier

    assert deepest_state(_identifier()) == _DEPTH


@pytest.mark.parametrize("pair", [("en", "de"), ("en", "fr"), ("en", "pt-BR")])
def test_a_batch_is_judged_as_each_paragraph_alone(pair):
    """The batched walk gives py3langid's probabilities (within the order of one sum), and so
    its judgements: for each pair, each paragraph, and the ones that have no feature."""
    import numpy as np

    from kblint.lang.batchid import batch_probabilities
    from kblint.lang.untranslated import _identifier, identify_many

    assert identify_many(PARAGRAPHS, pair) == [identify(text, pair) for text in PARAGRAPHS]
    identifier = _identifier()
    rows = batch_probabilities(identifier, PARAGRAPHS)
    alone = np.array([identifier._decide(text) for text in PARAGRAPHS])
    assert rows is not None and np.allclose(rows, alone, atol=1e-5)
