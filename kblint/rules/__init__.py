"""The rules: ``api`` is all a rule imports (Rule and its checks), ``registry`` assembles the
built-in rules (one module each, below) and the rule packs (``packs``). ``catalog`` describes
the built-in rules without importing them (``catalog_data``, made from their modules): a rule's
module is imported when one of its checks is first called.

A rule is one module that defines ``RULE``: its metadata (code, kebab-case name, default
severity, summary, documentation, fix safety) beside the function that does the work. There
are three kinds of check, each given what it needs and nothing more:

- ``check_file(relpath, data, config)``: the raw bytes, before parsing (binary files, size);
- ``check(doc, config)``: one parsed Document;
- ``check_corpus(corpus, config)``: every Document and the reference graph.

Checks yield Findings; they never read files or print.
"""
