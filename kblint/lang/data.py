"""The data files shipped with the rule packs (word lists of built-in rules and of lang), and
those of the libraries kblint reads data from."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import kblint


def packs_folder() -> Path:
    """Where the shipped packs are: inside the installed package, or in the source tree."""
    package = Path(kblint.__file__).parent
    installed = package / "packs"
    if installed.is_dir():
        return installed
    return package.parent / "rules"


@lru_cache(maxsize=None)
def load_data(name: str) -> dict[str, Any]:
    """A data file from the shipped packs folder (word lists of built-in rules)."""
    from kblint.formats.yamlsafe import load  # here: a run that lints nothing reads no word list

    path = packs_folder() / name
    data = load(path.read_text("utf-8"))  # libyaml's loader where PyYAML has it: a tenth of the time
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping")
    return data


def package_file(package: str, *parts: str) -> Path | None:
    """Where the installed ``package`` keeps the file at ``parts`` inside it, found without
    importing the package (codespell_lib's import, with importlib.resources', costs 0.04 s in
    every process that reads its dictionary); None when the package is not a folder on disk."""
    import importlib.util

    spec = importlib.util.find_spec(package)
    folders = list(spec.submodule_search_locations or ()) if spec is not None else []
    return Path(folders[0]).joinpath(*parts) if folders else None
