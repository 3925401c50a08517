"""From bytes to a parsed article: Markdown and its dialects, front matter, safe YAML. The only
layer that knows a file's syntax."""
