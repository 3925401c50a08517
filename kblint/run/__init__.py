"""Running kblint: reading the settings, linting one article, the engine and its process pool, the
session the language server keeps, and --fix."""
