"""Speech cues: the inflected forms of the speech verbs, and cheap tests over them."""

from __future__ import annotations

import re

from newsquotes.lexicon.speech import IRREGULAR_FORMS, NOMINAL_CUES, SPEECH_VERBS, WEAK_VERBS


def forms(lemma: str) -> set[str]:
    """Give the inflected forms of a regular English verb, plus any irregular ones."""
    if lemma in IRREGULAR_FORMS:
        return {lemma, *IRREGULAR_FORMS[lemma]}
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        past, third = lemma[:-1] + "ied", lemma[:-1] + "ies"
    else:
        past, third = stem + "ed", lemma + ("es" if lemma.endswith(("s", "sh", "ch")) else "s")
    found = {lemma, past, third, stem + "ing"}
    if re.fullmatch(r".*[^aeiou][aeiou][pgtbm]", lemma):  # admit -> admitted
        found |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return found


FORM_LEMMA = {f: lemma for lemma in sorted(SPEECH_VERBS) for f in forms(lemma)}
CUE_WORDS = frozenset(FORM_LEMMA)
_CUE_RE = re.compile(
    r"\b(?:" + "|".join(sorted(CUE_WORDS, key=len, reverse=True)) + r"|according to|(?:"
    + "|".join(sorted(NOMINAL_CUES)) + r") that)\b",
    re.IGNORECASE,
)


def has_cue(text: str) -> bool:
    """Give True when `text` holds a speech-cue word (a cheap filter before parsing)."""
    return _CUE_RE.search(text) is not None


def is_speech_lemma(lemma: str) -> bool:
    """Give True when `lemma` is a speech verb."""
    return lemma.lower() in SPEECH_VERBS


def is_weak(lemma: str) -> bool:
    """Give True for speech verbs that count only with a quotation or that-clause."""
    return lemma.lower() in WEAK_VERBS


def lemma_of(word: str) -> str:
    """Give the speech verb a word is a form of, or the word lower-cased."""
    low = word.lower()
    return FORM_LEMMA.get(low, low)
