"""Values every layer shares, importing nothing above: decoded text and its line index, findings
and edits, the configuration's values, and leaf helpers (bounded file reads, users' regular
expressions with a time limit)."""
