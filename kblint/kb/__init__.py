"""What the knowledge base means: discovery, locale layouts and identities, links and references,
redirects, the glossary, history, and the Document an article is read into."""
