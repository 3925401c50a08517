"""The command line, the language server and the generated rule documentation."""
