"""What a large glossary costs a run: reading it, building its matcher, and matching.

    python benchmarks/glossary.py --terms 100000

Writes a deterministic glossary of ``--terms`` Latin terms (one to three made-up words each)
with a Traditional Chinese translation each, then times loading it, the first ``find`` (which
builds the matcher) and ``find`` over ``--paragraphs`` paragraphs of made-up prose, and reports
the process's peak memory.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
if (HERE.parent / "kblint").is_dir():
    sys.path.insert(0, str(HERE.parent))

from kblint.kb.glossary import load_glossary  # noqa: E402

SYLLABLES = "ka ro mi ne tu sa vo li pe da gu ri zo fa he".split()
HANZI = "復原碼保管庫帳戶備份瀏覽器憑證連線裝置下載匯出檔案資料夾金鑰網路密碼權限手機設定儲存同步更新"


def made_up_word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def write_glossary(path: Path, terms: int, rng: random.Random) -> list[str]:
    seen: dict[str, None] = {}
    while len(seen) < terms:
        seen.setdefault(" ".join(made_up_word(rng) for _ in range(rng.randint(1, 3))))
    lines = ["terms:"]
    for term in seen:
        translation = "".join(rng.choice(HANZI) for _ in range(rng.randint(2, 4)))
        lines.append(f"  {term}: {{zh-Hant: {translation}}}")
    lines.append("keep: [Vaultline, GPG]")
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return list(seen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--terms", type=int, default=100_000)
    parser.add_argument("--paragraphs", type=int, default=20_000)
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "glossary.yaml"
        terms = write_glossary(path, args.terms, rng)
        started = time.perf_counter()
        glossary = load_glossary(path)
        loaded = time.perf_counter()
        glossary.find("warm")
        built = time.perf_counter()
        paragraphs = [" ".join(rng.choice(terms) if rng.random() < 0.05 else made_up_word(rng) for _ in range(60)) for _ in range(args.paragraphs)]
        matching = time.perf_counter()
        hits = sum(len(glossary.find(p)) for p in paragraphs)
        done = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.terms:,} terms: load {loaded - started:.2f} s, matcher {built - loaded:.2f} s, "
          f"{args.paragraphs:,} paragraphs {done - matching:.2f} s ({hits:,} strings found), peak {peak:.0f} MiB")


if __name__ == "__main__":
    main()
