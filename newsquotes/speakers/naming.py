"""Words of a speaker's name: a name cleaned of titles and affiliations, whether a string is
written like a personal name, and the spelling key that joins variants of one name."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from newsquotes.lexicon.corpus_names import NICKNAMES, PARTY_NOUNS, SUFFIXES
from newsquotes.lexicon.places import PLACE_FIRST
from newsquotes.speakers.names import (
    ORG_NAME_WORDS,
    PRONOUNS,
    ROLE_NOUNS,
    TITLES,
    plain_name,
    regnal,
)

# Lower-case words inside a personal name ("Ursula von der Leyen", "Ibn al Saud").
PARTICLES = {"van", "von", "der", "den", "de", "du", "da", "di", "del", "dos", "la", "le", "bin",
             "ibn", "al", "el", "ter", "y"}
# Small words inside the name of an organisation ("Ministry of Energy", "Doctors and Nurses").
CONNECTORS = {"of", "and", "for", "on", "the", "&"}
STATE_TYPES = {"government", "country"}
_POSSESSIVE_WORD = re.compile(r"\w(?:['’]s|s['’])$")
# A body's name after a place: "Velora's Central Electoral Commission", "Veloran Ministry ..."
QUALIFIED = re.compile(r"^([A-Z][\w-]*?)(?:['’]s)? +([A-Z].*)$")
ORG_WORDS = ORG_NAME_WORDS | {"ministry", "commission", "department", "government", "agency",
                              "council", "committee", "office", "authority", "organisation",
                              "organization", "party", "police", "army", "military", "pac",
                              "academy", "academies", "watchdog", "services", "security"}
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*")
_INITIAL = re.compile(r"[^\W\d_]{1,2}\.")  # "J.", "Jr.", "St."
INITIALS = re.compile(r"(?:[^\W\d_]\.)+")  # "J.", "H.W."


def _name_word(word: str) -> bool:
    return word[:1].isupper() and bool(_NAME_WORD.fullmatch(word) or _INITIAL.fullmatch(word))


def _marker(word: str, rest: list[str]) -> bool:
    """A word that comes before a name without being part of it: title, role (also as an
    abbreviation: "C.E.O.", "Gov."), possessive, or an acronym before a full name written in
    mixed case ("NAACP Tim Sloan"; not "H.W." before "Bush" alone, nor "JOHN" in "JOHN F
    KENNEDY")."""
    low = word.lower()
    plain = low.replace(".", "")
    if low in TITLES or low in ROLE_NOUNS or plain in TITLES or plain in ROLE_NOUNS:
        return True
    acronym = len(plain) >= 2 and plain.isalpha() and word.replace(".", "").isupper()
    return (bool(_POSSESSIVE_WORD.search(word)) or (word[:1].islower() and low not in PARTICLES)
            or (acronym and len(rest) >= 2 and any(c.islower() for c in "".join(rest))))


def name_like(name: str) -> bool:
    """Give True when `name` is written like a personal name ("Ursula von der Leyen")."""
    words = name.split()
    return (bool(words) and _name_word(words[0]) and words[0].lower() not in PRONOUNS
            and all(_name_word(w) or w in PARTICLES for w in words[1:]))


def names_people(name: str, speaker_type: str) -> bool:
    """Give True for a group that names its people ("Ana Pell and Tavi Rennick", whom a
    "they" stood for): its name is its own, never a form of the last of them."""
    return speaker_type == "group" and any(w in ("and", "&") for w in name.split())


def tidy(name: str, speaker_type: str = "") -> str:
    """Give a speaker name without titles, possessive affiliations or a leading "the"."""
    words = plain_name(" ".join(str(name).split())).split()
    if not words:
        return ""
    if (speaker_type in STATE_TYPES or speaker_type == "person") and all(
        w.isupper() for w in words
    ) and len("".join(words)) > 3:
        words = [w.title() for w in words]  # a headline's "UKRAINE SAYS"
    # "The Veloran Manufacturers’ Association": a plural possessive is a word of the name
    if words[0].lower() == "the" and len(words) > 1 and _name_word(words[1]) and all(
        _name_word(w.rstrip("’'")) or w in CONNECTORS or w in PARTICLES for w in words[2:]
    ):
        words = words[1:]
    if speaker_type in STATE_TYPES or any(w.lower() in ORG_WORDS for w in words) or (
            names_people(" ".join(words), speaker_type)):
        return " ".join(words)  # a body's name, or a group naming its people
    for i in range(len(words) - 2, -1, -1):
        rest = words[i + 1:]
        if (_marker(words[i], rest) and name_like(" ".join(rest)) and not regnal(words[i:])
                and not all(w.lower() in TITLES for w in rest)):
            return " ".join(rest)
    return " ".join(words)


def core_words(name: str) -> list[str]:
    """Give a name's words without a generational suffix ("Jr", "III"): its own name."""
    words = name.split()
    return [w for w in words if w.lower() not in SUFFIXES] or words


def has_suffix(name: str) -> bool:
    return len(core_words(name)) < len(name.split())


def surname_key(name: str) -> str:
    """Give the spelling key of a name's last word before any suffix ("Biden Jr" -> "biden")."""
    words = core_words(name)
    return spelling_key(words[-1]) if words else ""


@lru_cache(maxsize=1 << 16)
def spelling_key(word: str) -> str:
    """Give the transliteration key of one name word ("Zelenskyy", "Zelensky" -> "zelenski")."""
    plain = unicodedata.normalize("NFKD", word.casefold())
    letters = "".join(ch for ch in plain if ch.isalpha() and not unicodedata.combining(ch))
    letters = letters.replace("x", "ks").replace("y", "i")
    letters = re.sub(r"ij$", "i", letters)
    return re.sub(r"(.)\1+", r"\1", letters)


def _close(a: str, b: str) -> bool:
    """Keys one letter apart inside a long given name, never at the last letter."""
    if a == b:
        return True
    if a[:1] != b[:1] or min(len(a), len(b)) < 6 or abs(len(a) - len(b)) > 1:
        return False
    short, long_ = sorted((a, b), key=len)
    i = next((k for k, (x, y) in enumerate(zip(short, long_, strict=False)) if x != y), len(short))
    if i >= len(long_) - 1:
        return False
    skip = 1 if len(short) == len(long_) else 0
    return short[i + skip:] == long_[i + 1:]


def _given(word: str) -> str:
    """Give the spelling key of a given name's full form ("Chuck" -> that of "Charles")."""
    return spelling_key(NICKNAMES.get(word.casefold(), word))


@lru_cache(maxsize=1 << 16)
def person_bucket(name: str) -> tuple:
    """Give what two names `same_person` takes for one must share: their number of words, the
    spelling key of the last and the first letter of each other word's key."""
    words = name.split()
    return (len(words), spelling_key(words[-1]) if words else "",
            _given(words[0])[:1] if words else "", *(spelling_key(w)[:1] for w in words[1:-1]))


@lru_cache(maxsize=1 << 18)
def same_person(a: str, b: str) -> bool:
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or spelling_key(wa[-1]) != spelling_key(wb[-1]):
        return False
    return _close(_given(wa[0]), _given(wb[0])) and all(
        _close(spelling_key(x), spelling_key(y)) for x, y in zip(wa[1:], wb[1:], strict=True))


def given_word(word: str) -> bool:
    """Give True for a word that may be a given name: no initial, no place's first word
    ("New", "San"), no body's word."""
    low = word.casefold()
    return (len(low) > 1 and not INITIALS.fullmatch(word) and low not in PLACE_FIRST
            and low not in ORG_WORDS and word[:1].isupper())


def party_plural(name: str) -> bool:
    """Give True for a name ending in a party's members ("Iowa Democrats"): a group, never a
    person's name, whatever a "she" made it."""
    last = name.split()[-1].lower() if name.split() else ""
    return last.endswith("s") and last[:-1] in PARTY_NOUNS


@lru_cache(maxsize=1 << 16)
def is_full(name: str, speaker_type: str) -> bool:
    return (speaker_type not in STATE_TYPES and len(name.split()) > 1 and name_like(name)
            and not any(w.lower() in ORG_WORDS for w in name.split())
            and not party_plural(name))


@lru_cache(maxsize=1 << 16)
def is_bare(name: str, speaker_type: str) -> bool:
    return (speaker_type not in STATE_TYPES and len(name.split()) == 1 and name_like(name)
            and name.lower() not in ORG_WORDS)
