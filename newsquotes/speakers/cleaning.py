"""A speaker's name as a name: without a dateline, a word of the sentence before it, an epithet,
a second sentence, page furniture or text run together from markup; "" for no speaker at all.

Rules, not a list of the names seen: a leading word that a closed word class knows
(auxiliary, determiner, conjunction, preposition, sentence adverb), a verb in -ing, an epithet
or a title is not part of the name after it; a full stop after a word that is no initial or
abbreviation ends the name; a lower-case letter run into a capital ("NoemKristi") marks two
texts glued together by markup; a description ("the former president", "a Wisconsin
Republican") or a lower-case phrase typed as a person is unresolved, not a speaker.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsquotes.lexicon.corpus_names import (
    ABBREVIATIONS,
    ADVERBS,
    AUXILIARIES,
    CONJUNCTIONS,
    DETERMINERS,
    EPITHETS,
    EVENT_WORDS,
    HEADLINE_VERBS,
    IMPERATIVES,
    ING_NAMES,
    PAGE_LEADS,
    PAGE_WORDS,
    PARTY_NOUNS,
    PREPOSITIONS,
    SHARE_WORDS,
    TITLE_WORDS,
)
from newsquotes.speakers.names import PRONOUNS, TITLES
from newsquotes.speakers.naming import CONNECTORS

# Words never the first of a name: a name led by one was cut with the sentence before it.
_NOT_FIRST = (AUXILIARIES | CONJUNCTIONS | PREPOSITIONS | ADVERBS | IMPERATIVES
              | (DETERMINERS - {"the", "a", "an"}))
# Three lower-case letters run into a capital: "NoemKristi", never "McConnell" or "DeSantis";
# a glue only where the glued word repeats an earlier one (not "WikiLeaks", "SoftBank").
_GLUED = re.compile(r"(?<=[a-z]{3})(?=([A-Z][^\W\d_]*))")
_DASH = re.compile(r"\s+(?:-{1,2}|–|—)\s+")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+")
_GROUP = "group"


def _capital(word: str) -> bool:
    return word[:1].isupper()


def _glued_cut(text: str) -> str:
    """Give the text up to the first place where markup ran two texts together."""
    for match in _GLUED.finditer(text):
        before = text[:match.start()]
        if match.group(1) in before.split():
            return before
    return text


def _bracket_cut(text: str) -> str:
    """Give the text after a closing bracket ("(KNA)Minister Ana Roth"), or before an opening
    one that ends it ("Ana Roth (left)", a photo credit "(Mira Halvan/KNA)": nothing)."""
    if ")" not in text:
        return text
    after = text.rsplit(")", 1)[1].strip()
    return after or text.split("(", 1)[0]


def _sentence_cut(words: list[str]) -> list[str]:
    """Give one sentence of the words: the first ("Clinton. In" -> "Clinton"), or the last
    where it is a name of its own ("Halvan. Mira Orlov" -> "Mira Orlov": the extractor ran the
    sentence before into the speaker, whose mention is the second)."""
    for i, word in enumerate(words[:-1]):
        if word[-1:] in "?!" or (word.endswith(".") and not _INITIALS.fullmatch(word)
                                 and word.lower() not in ABBREVIATIONS
                                 and word.lower() not in TITLES):
            rest = _sentence_cut(words[i + 1:])
            first = rest[0].lower().strip(",;:")
            if all(_capital(w) for w in rest) and first not in _NOT_FIRST and (
                    first not in PRONOUNS and first not in PAGE_LEADS):
                return rest
            return words[:i + 1]
    return words


def _headline_cut(words: list[str]) -> list[str]:
    """Give the words after a title-case headline's verb ("Mom Corners Halvan" -> "Halvan")."""
    for i in range(len(words) - 2, -1, -1):
        if words[i].lower() in HEADLINE_VERBS and _capital(words[i]) and _capital(words[i + 1]):
            return words[i + 1:]
    return words


def _page_cut(words: list[str]) -> list[str]:
    """Give the words after a run of share-bar words ("WhatsApp Email Telegram A senior ...")."""
    run = 0
    for i, word in enumerate(words):
        run = run + 1 if word.lower().strip(":|") in PAGE_WORDS else 0
        if run >= 2 and (i + 1 == len(words) or words[i + 1].lower() not in PAGE_WORDS):
            return words[i + 1:]
    return words


def _leads_off(word: str, speaker_type: str) -> bool:
    """Give True for a first word that is not part of the name after it (an epithet or a
    title only before a person: "Real Madrid" keeps its "Real")."""
    low = word.lower().strip(",;:")
    if low in EPITHETS or low in TITLE_WORDS:
        return speaker_type in ("person", "")
    return low in _NOT_FIRST or (low.endswith("ing") and len(low) >= 6 and low not in ING_NAMES)


def _adjectives_cut(words: list[str]) -> list[str]:
    """Give a body's name without the lower-case words between "the" and it ("the
    nonpartisan Velora Budget Office" -> "the Velora Budget Office")."""
    first = next((i for i, w in enumerate(words) if _capital(w)), len(words))
    if words[0].lower() == "the" and 1 < first < len(words) and all(
            _capital(w) or w.lower() in CONNECTORS for w in words[first:]):
        return words[:1] + words[first:]
    return words


def _unresolved(words: list[str], speaker_type: str) -> bool:
    """Give True for a description or lower-case phrase that names nobody."""
    if speaker_type == _GROUP:
        return False
    low = [w.lower().strip(",") for w in words]
    if low[0] in DETERMINERS and not any(_capital(w) for w in words[1:]):
        return True
    if speaker_type in ("person", "") and (not _capital(words[0]) or (
            len(words) == 2 and low[0] in ("the", "a", "an"))):
        return True  # "the Texan", "a Kestrian": a person by a description
    if low[-1] in EVENT_WORDS:
        return True
    # a person's name ends in no lower-case or closed-class word, has no share-bar word
    return speaker_type == "person" and (
        low[-1] in PARTY_NOUNS or low[-1] in _NOT_FIRST or not _capital(words[-1])
        or any(w in SHARE_WORDS for w in low))


@lru_cache(maxsize=1 << 16)
def led_by_sentence(name: str, speaker_type: str = "") -> bool:
    """Give True where the name's first word is a word of the sentence before it ("Is
    Google", "Hosting Cook"; not a title or epithet): the parser typed a span that was no
    name, so its type says little of the name."""
    words = str(name).split()
    if len(words) < 2 or not _capital(words[1]):
        return False
    low = words[0].lower().strip(",;:")
    return low not in EPITHETS and low not in TITLE_WORDS and _leads_off(words[0], speaker_type)


def speaker_name(name: str, speaker_type: str = "") -> str:
    """Give the name in `name` without the text around it, or "" where it names no speaker."""
    words = cut_name(name, speaker_type).split()
    if not words or _unresolved(words, speaker_type):
        return ""
    return " ".join(words)


def cut_name(name: str, speaker_type: str = "") -> str:
    """Give `name` without the text around it (a dateline, a word of the sentence before, a
    headline's verb, page furniture), or "" where nothing of a name is left; a name it gives
    may still be a description ("a Wisconsin Republican"), which `speaker_name` leaves out."""
    text = _bracket_cut(str(name))
    text = " ".join(_page_cut(text.split()))
    text = _DASH.split(_glued_cut(text))[-1]  # a dateline: "CLEVELAND - Donald Trump"
    words = _sentence_cut(text.split())
    if speaker_type in ("person", ""):
        words = _headline_cut(words)
    if not words or words[0].lower() in PAGE_LEADS:
        return ""
    if len(words) > 1 and words[0].endswith(":"):
        if all(w.isupper() for w in words):
            return ""  # a run-in headline ("KNA: PORT WORKERS PAID ...") names no speaker
        words = words[1:]  # a label ("Watch: Mira Halvan")
    if any(w.endswith(":") for w in words[:-1]):
        return ""
    while len(words) > 1 and _leads_off(words[0], speaker_type) and _capital(words[1]):
        words = words[1:]
    if len(words) == 1 and (_leads_off(words[0], speaker_type) or len(words[0]) == 1
                            or words[0].lower() in PRONOUNS):
        return ""  # "That", "I", "В": no name
    if speaker_type == "organisation":
        words = _adjectives_cut(words)
    words[-1] = words[-1].rstrip(",;:")
    if words[-1].endswith(".") and not _INITIALS.fullmatch(words[-1]) and (
            words[-1].lower() not in ABBREVIATIONS):
        words[-1] = words[-1][:-1]
    return " ".join(words) if words[-1] else ""
