"""Time the language server as an editor meets it: ``kblint server`` in a subprocess, spoken to
over standard input and output by pygls's client, on the synthetic benchmark corpus.

    python benchmarks/server.py --articles 20000        # generates the corpus
    python benchmarks/server.py --corpus /path/to/kb     # an existing one

Reports: the start-up (initialize, then the first article's diagnostics: the corpus loaded
from a warm cache), the re-lint of one changed article (from the change to its diagnostics,
less the server's debounce pause), and completion of article ids, each a median over many
edits of articles spread over the corpus.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.generate import generate  # noqa: E402
from kblint.app.server import DEBOUNCE_SECONDS  # noqa: E402


async def measure(root: Path, edits: int) -> dict[str, float]:
    client = LanguageClient("kblint-benchmark", "1")
    published: asyncio.Queue = asyncio.Queue()

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: lsp.PublishDiagnosticsParams) -> None:
        published.put_nowait((time.perf_counter(), params))

    @client.feature(lsp.CLIENT_REGISTER_CAPABILITY)
    def on_register(params) -> None:
        return None

    await client.start_io(sys.executable, "-m", "kblint", "server")
    started = time.perf_counter()
    await client.initialize_async(lsp.InitializeParams(capabilities=lsp.ClientCapabilities(), root_uri=root.as_uri()))
    client.initialized(lsp.InitializedParams())
    articles = sorted(root.rglob("*.md"))
    sample = articles[:: max(len(articles) // edits, 1)][:edits]

    first = sample[0]
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(first.as_uri(), "markdown", 1, first.read_text("utf-8")))
    )
    ready, _ = await published.get()
    startup = ready - started

    relints, completions = [], []
    for n, path in enumerate(sample):
        uri = path.as_uri()
        text = path.read_text("utf-8")
        if n:
            client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri, "markdown", 1, text)))
            await published.get()
        edited = text + "\nSee KB1\n"
        sent = time.perf_counter()
        client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                lsp.VersionedTextDocumentIdentifier(version=2, uri=uri), [lsp.TextDocumentContentChangeWholeDocument(text=edited)]
            )
        )
        arrived, _ = await published.get()
        relints.append(arrived - sent - DEBOUNCE_SECONDS)
        lines = edited.splitlines()
        asked = time.perf_counter()
        listed = await client.text_document_completion_async(
            lsp.CompletionParams(lsp.TextDocumentIdentifier(uri), lsp.Position(len(lines) - 1, len(lines[-1])))
        )
        completions.append(time.perf_counter() - asked)
        assert listed is not None and listed.items, "no completion"
        client.text_document_did_close(lsp.DidCloseTextDocumentParams(lsp.TextDocumentIdentifier(uri)))
        await published.get()
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return {
        "startup": startup,
        "relint_median": statistics.median(relints),
        "relint_max": max(relints),
        "completion_median": statistics.median(completions),
        "completion_max": max(completions),
        "edits": len(relints),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--corpus", type=Path, help="an existing corpus instead of a generated one")
    parser.add_argument("--edits", type=int, default=40, help="articles opened, edited and completed in")
    args = parser.parse_args()
    root = args.corpus
    if root is None:
        root = Path(tempfile.mkdtemp(prefix="kblint-server-bench-")) / "kb"
        print(f"generating {args.articles} articles in {root} ...", file=sys.stderr)
        generate(root, args.articles)
    root = root.resolve()
    # A warm cache, as after any run of kblint on the knowledge base.
    subprocess.run([sys.executable, "-m", "kblint", "--quiet", "--statistics", str(root)], cwd=root, stdout=subprocess.DEVNULL, check=False)
    results = asyncio.run(measure(root, args.edits))
    count = len(list(root.rglob("*.md")))
    print(f"Corpus: {count} articles. Edits: {results['edits']} articles, each opened, changed, completed in and closed.")
    print()
    print("| Measure | Median ms | Max ms |")
    print("| --- | ---: | ---: |")
    print(f"| start-up: initialize to the first diagnostics (corpus from a warm cache) | {results['startup'] * 1000:.0f} | |")
    print(f"| re-lint of one changed article (change to diagnostics, less the {DEBOUNCE_SECONDS * 1000:.0f} ms debounce) "
          f"| {results['relint_median'] * 1000:.1f} | {results['relint_max'] * 1000:.1f} |")
    print(f"| completion of article ids | {results['completion_median'] * 1000:.1f} | {results['completion_max'] * 1000:.1f} |")


if __name__ == "__main__":
    main()
