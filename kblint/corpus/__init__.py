"""What the corpus rules see: each article's Summary, the Corpus assembled from them, and the
reference graph."""
