"""Redirect maps: CSV, YAML, JSON (vercel.json), _redirects and netlify.toml, read alike."""

import pytest

from kblint.config import Config
from kblint.redirects import load_redirects, map_files, page_key
from helpers import ROOT


def load(name: str, text: str, **settings):
    config = Config(root=ROOT)
    for key, value in settings.items():
        setattr(config, key, value)
    return load_redirects(config, [(name, "")], lambda _: text.encode())


def test_page_keys_ignore_extensions_index_pages_locales_and_the_link_root():
    config = Config(root=ROOT)
    assert page_key("/help/old.md", config) == page_key("help/old.html", config) == page_key("/en/help/old/", config) == "help/old"
    assert page_key("/help/old/index.md", config) == "help/old"
    assert page_key("https://elsewhere.example.org/x", config) is None
    config.link_root = "/docs"
    assert page_key("/docs/help/old.md#x", config) == "help/old"


@pytest.mark.parametrize(
    "name, text",
    [
        ("redirects.csv", "source,destination\n/help/a.md,/help/b.md\n\n# moved in 2026\n/help/c.md, /help/d.md\n"),
        ("redirects.yaml", "/help/a.md: /help/b.md\n/help/c.md: /help/d.md\n"),
        ("redirects.yaml", "- from: /help/a.md\n  to: /help/b.md\n- source: /help/c.md\n  destination: /help/d.md\n"),
        ("vercel.json", '{"redirects": [{"source": "/help/a", "destination": "/help/b", "permanent": true},\n {"source": "/help/c", "destination": "/help/d"}, {"source": "/x/:path*", "destination": "/y/:path*"}]}'),
        ("_redirects", "/help/a /help/b 301\n# a comment\n/help/c /help/d\n"),
        ("netlify.toml", '[[redirects]]\nfrom = "/help/a"\nto = "/help/b"\n\n[[redirects]]\nfrom = "/help/c"\nto = "/help/d"\n'),
    ],
)
def test_formats(name, text):
    redirects = load(name, text)
    assert [(r.source_key, r.dest_key) for r in redirects.entries] == [("help/a", "help/b"), ("help/c", "help/d")]
    assert redirects.problems == []
    second = redirects.entries[1]
    assert text.splitlines()[second.line - 1][second.column - 1 :].startswith(second.dest)


def test_chains_loops_and_other_sites():
    redirects = load("redirects.csv", "/a,/b\n/b,/c\n/x,/y\n/y,/x\n/old,https://archive.example.org/old\n")
    last, loops = redirects.follow("a")
    assert last.dest_key == "c" and not loops
    assert redirects.follow("x")[1]
    assert redirects.by_key["old"].dest_key is None


def test_problems_are_reported_with_their_line():
    redirects = load("redirects.csv", "/a,/b\n/only-one\n")
    assert redirects.problems == [("redirects.csv", 2, "a redirect needs a source and a destination")]
    assert load("redirects.yaml", "a: [b\n").problems[0][2].startswith("the redirect map is not valid YAML")


def test_maps_are_found_by_name_and_scoped_to_their_folder():
    config = Config(root=ROOT)
    found = map_files(config, ["docs/redirects.csv", "docs/en/a.png", "vercel.json", "notes/redirects.txt"])
    assert found == [("docs/redirects.csv", "docs"), ("vercel.json", "")]
