"""The country table as the extractors use it. (Word lists are in lexicon.py.)"""

from __future__ import annotations

from ..countries import COUNTRIES, country_aliases, country_of, country_of_demonym

__all__ = ["COUNTRIES", "country_aliases", "country_of", "country_of_demonym"]
