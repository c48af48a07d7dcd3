"""Fact extraction: one module per fact kind over spaCy parses, then merging across articles."""
