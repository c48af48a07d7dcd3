"""The extractor's version, apart from the pipeline so that the cache (quizgen/extract/cache.py) reads it
without importing the pipeline, which imports the cache."""

# Bump when extraction rules change, so cached results are not reused. (A change to any of the extractor's
# source files invalidates them too: see cache.extractor_fingerprint.)
EXTRACTOR_VERSION = "2"
