"""Countries: their names, capitals and metonyms ("the Kremlin"), and demonyms. Plain data and lookups,
shared by extraction (aliases, parties) and questions (alias-free options, country distractors)."""

from __future__ import annotations

# canonical name: (aliases: other names and metonyms that stand for the state, demonyms)
COUNTRIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "United States": (
        (
            "US",
            "U.S.",
            "USA",
            "U.S.A.",
            "United States of America",
            "America",
            "Washington",
            "White House",
            "the States",
        ),
        ("American", "Americans", "US"),
    ),
    "Russia": (("Russian Federation", "Moscow", "Kremlin"), ("Russian", "Russians")),
    "China": (("People's Republic of China", "PRC", "Beijing"), ("Chinese",)),
    "United Kingdom": (("UK", "U.K.", "Britain", "Great Britain", "London", "Downing Street"), ("British",)),
    "France": (("Paris", "Elysee", "Élysée"), ("French",)),
    "Germany": (("Berlin",), ("German", "Germans")),
    "Iran": (("Tehran", "Islamic Republic of Iran"), ("Iranian", "Iranians")),
    "North Korea": (("Pyongyang", "DPRK", "Democratic People's Republic of Korea"), ("North Korean",)),
    "South Korea": (("Seoul", "Republic of Korea"), ("South Korean",)),
    "Japan": (("Tokyo",), ("Japanese",)),
    "India": (("New Delhi", "Delhi"), ("Indian",)),
    "Pakistan": (("Islamabad",), ("Pakistani",)),
    "Israel": (("Jerusalem",), ("Israeli",)),
    "Ukraine": (("Kyiv", "Kiev"), ("Ukrainian",)),
    "Belarus": (("Minsk",), ("Belarusian",)),
    "Poland": (("Warsaw",), ("Polish",)),
    "Saudi Arabia": (("Riyadh",), ("Saudi",)),
    "Turkey": (("Ankara", "Türkiye"), ("Turkish",)),
    "Syria": (("Damascus",), ("Syrian",)),
    "Iraq": (("Baghdad",), ("Iraqi",)),
    "Afghanistan": (("Kabul",), ("Afghan",)),
    "Egypt": (("Cairo",), ("Egyptian",)),
    "Canada": (("Ottawa",), ("Canadian",)),
    "Mexico": (("Mexico City",), ("Mexican",)),
    "Brazil": (("Brasilia", "Brasília"), ("Brazilian",)),
    "Italy": (("Rome",), ("Italian",)),
    "Spain": (("Madrid",), ("Spanish",)),
    "Sweden": (("Stockholm",), ("Swedish",)),
    "Finland": (("Helsinki",), ("Finnish",)),
    "Norway": (("Oslo",), ("Norwegian",)),
    "Switzerland": (("Bern", "Berne"), ("Swiss",)),
    "Austria": (("Vienna",), ("Austrian",)),
    "Netherlands": (("The Hague", "Holland"), ("Dutch",)),
    "Australia": (("Canberra",), ("Australian",)),
    "Taiwan": (("Taipei",), ("Taiwanese",)),
    "Vietnam": (("Hanoi",), ("Vietnamese",)),
    "Cuba": (("Havana",), ("Cuban",)),
    "Venezuela": (("Caracas",), ("Venezuelan",)),
    "Qatar": (("Doha",), ("Qatari",)),
    "United Arab Emirates": (("UAE", "Abu Dhabi"), ("Emirati",)),
    "Lebanon": (("Beirut",), ("Lebanese",)),
    "Libya": (("Tripoli",), ("Libyan",)),
    "South Africa": (("Pretoria",), ("South African",)),
    "Kazakhstan": (("Astana",), ("Kazakh",)),
    "Georgia": (("Tbilisi",), ("Georgian",)),
    "Armenia": (("Yerevan",), ("Armenian",)),
    "Azerbaijan": (("Baku",), ("Azerbaijani",)),
}

_ALIAS_TO_COUNTRY: dict[str, str] = {}
_DEMONYM_TO_COUNTRY: dict[str, str] = {}
for _name, (_aliases, _demonyms) in COUNTRIES.items():
    _ALIAS_TO_COUNTRY[_name.lower()] = _name
    for _a in _aliases:
        _ALIAS_TO_COUNTRY[_a.lower()] = _name
    for _d in _demonyms:
        _DEMONYM_TO_COUNTRY[_d.lower()] = _name


def _clean(name: str) -> str:
    name = name.strip().replace("’", "'")
    for suffix in ("'s", "'"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    if name.lower().startswith("the "):
        name = name[4:]
    return name.strip()


def country_of(name: str) -> str | None:
    """The country a name stands for: 'Moscow' → 'Russia', 'the White House' → 'United States'."""
    return _ALIAS_TO_COUNTRY.get(_clean(name).lower())


def country_of_demonym(word: str) -> str | None:
    """'Russian' → 'Russia'; also accepts a country name or alias ('US' in 'US President')."""
    w = _clean(word).lower()
    return _DEMONYM_TO_COUNTRY.get(w) or _ALIAS_TO_COUNTRY.get(w)


def country_aliases(name: str) -> tuple[str, ...]:
    return COUNTRIES.get(name, ((), ()))[0]
