"""Arabic-aware matching: the ground for search across the corpus and find in the article."""
