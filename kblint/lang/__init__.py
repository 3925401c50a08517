"""Language knowledge: Chinese scripts and regional standards, untranslated text, the facts a
translation keeps, words and quote pairs, and the shipped data files."""
