"""kblint: a linter and consistency checker for multilingual Markdown knowledge bases."""

__version__ = "0.1.0"
