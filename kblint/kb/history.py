"""Git history of the knowledge base, read with one batched ``git log`` call."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class History:
    """Commits newest first, and for each file (relative to the knowledge base root) the indexes
    of the commits that touched it, newest first."""

    commits: list[tuple[str, int]] = field(default_factory=list)  # (sha, commit time)
    subjects: list[str] = field(default_factory=list)  # each commit's first line
    by_file: dict[str, list[int]] = field(default_factory=dict)
    position: dict[str, int] = field(default_factory=dict)  # sha (and its 7+ char prefixes) -> index

    def index_of(self, sha: str) -> int | None:
        sha = sha.strip().lower()
        if sha in self.position:
            return self.position[sha]
        if len(sha) >= 7:
            for full, index in self.position.items():
                if full.startswith(sha):
                    return index
        return None

    def commits_since(self, path: str, sha_index: int) -> int:
        """How many commits touching ``path`` are newer than the commit at ``sha_index``."""
        return sum(1 for i in self.by_file.get(path, []) if i < sha_index)

    def last_change(self, path: str) -> int | None:
        changes = self.by_file.get(path)
        return changes[0] if changes else None

    def describe(self, index: int) -> str:
        """A commit as a reader recognizes it: its date and subject."""
        import datetime

        when = datetime.datetime.fromtimestamp(self.commits[index][1], datetime.timezone.utc).date().isoformat()
        subject = self.subjects[index] if index < len(self.subjects) else ""
        return f"{when}: {subject}" if subject else when


def load_history(root: Path) -> History | None:
    """The history of every file under ``root``, or None when it is not in a git work tree."""
    try:
        result = subprocess.run(
            ["git", "-c", "core.quotePath=false", "-C", str(root), "log", "--format=%x00%H %ct %s", "--name-only", "--relative", "--no-renames", "--", "."],
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            timeout=120,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    history = History()
    for record in result.stdout.split("\x00")[1:]:
        header, _, names = record.partition("\n")
        sha, _, rest = header.partition(" ")
        when, _, subject = rest.partition(" ")
        index = len(history.commits)
        history.commits.append((sha, int(when or 0)))
        history.subjects.append(subject.strip())
        history.position[sha] = index
        for name in names.splitlines():
            if name:
                history.by_file.setdefault(name, []).append(index)
    return history


def head_token(root: Path) -> str:
    """What identifies the current history cheaply: the commit HEAD points at."""
    try:
        result = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""
