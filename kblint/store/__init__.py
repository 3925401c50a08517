"""The cache: SQLite rows of files, summaries and findings between runs."""
