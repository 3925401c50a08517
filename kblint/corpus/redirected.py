"""Which redirect a link to a missing page follows (broken-link and redirected-link)."""

from __future__ import annotations

from kblint.kb.redirects import page_key, written_locale

LINKED_KINDS = ("link", "related", "image")


def moved(corpus, config, summary, ref) -> object | None:
    """The redirect that a link of ``summary`` to a missing page follows, if a redirect map
    that applies to the article knows the page."""
    if corpus.redirects is None:
        return None
    url = (ref.url or "").strip()
    locale = written_locale(url, config) if url.startswith("/") else None  # a relative link: its page's
    for key in page_keys(corpus, config, ref):
        redirect = corpus.redirects.applying(key, summary.relpath)
        if redirect is not None and (locale is None or redirect.serves(locale)):
            return redirect
    return None


class _PageKeys(dict):
    """``page_key`` of each path asked, by path: shared by the rules that follow redirects (each
    asks of the same links), and kept as articles are replaced (it depends on the path and the
    settings alone)."""

    def before(self, corpus, relpath: str) -> None:
        pass

    def after(self, corpus, relpath: str) -> None:
        pass


def page_keys(corpus, config, ref) -> list[str]:
    """The pages (``kblint.kb.redirects.page_key``) a link's candidate paths name, each taken
    relative to the locale root it lies under."""
    known = corpus.index("page-keys", lambda corpus: _PageKeys())
    keys = []
    for locale, path in ref.bases:
        if not locale:
            for root in corpus.roots:
                if path.startswith(root + "/"):
                    path = path[len(root) + 1 :]
                    break
        key = known[path] if path in known else known.setdefault(path, page_key(path, config))
        if key is not None and key not in keys:
            keys.append(key)
    return keys
