"""The speech-cue lexicon: verbs and phrases that introduce what someone said."""

from __future__ import annotations

import re


def lexicon(words: str) -> frozenset[str]:
    """Give the whitespace-separated words of a lexicon block."""
    return frozenset(words.split())

# Verbs whose subject is a speaker and whose complement is what was said. Lemmas, as spaCy's
# English lemmatizer gives them.
SPEECH_VERBS = lexicon("""
say tell add state announce explain claim argue insist note warn write tweet ask reply respond
declare suggest acknowledge admit deny confirm report reveal recall predict promise vow pledge
urge describe accuse praise criticize criticise comment remark complain concede contend assert
emphasize emphasise stress maintain mention observe proclaim repeat reiterate testify threaten
boast joke quip agree counter retort allege charge demand propose recommend inform assure caution
shout yell whisper post echo conclude estimate indicate hint speculate question blast slam dismiss
reject defend answer continue call thank lament complain muse wonder acknowledge concur predict
disclose affirm contend dispute scoff sneer grumble exclaim recount relate recommend
cite attack point
""")

# Verbs that need a quotation or a that-clause to count: on their own they describe actions
# ("continued the talks", "called a meeting", "posted a photo").
WEAK_VERBS = lexicon(
    "continue call post echo question defend dismiss reject thank answer charge counter "
    "praise criticize criticise accuse describe blast slam relate report ask cite attack point"
)

# Weak verbs whose direct object is what was said ("criticized the plan", "accused X of Y",
# "called the vote a disgrace"), and the preposition that brings it for some ("called for a
# ban", "pointed to the figures").
OBJECT_VERBS = lexicon(
    "praise criticize criticise accuse describe blast slam dismiss reject cite attack defend "
    "question call thank echo post report"
)
PREPOSITION_OBJECT = {"call": ("for", "on"), "point": ("to",)}

# Nouns that make a cue with a preposition: "in a statement", "in an interview".
SPEECH_NOUNS = lexicon(
    "statement interview remarks speech tweet post letter op-ed briefing conference "
    "announcement address testimony email message column essay"
)

# Nouns that report speech with a that-clause and an owner: "Ana Pell's claim that ...".
NOMINAL_CUES = lexicon("""
claim claims remark remarks comment comments statement statements warning warnings promise
promises assertion assertions suggestion argument accusation accusations allegation
allegations insistence prediction pledge announcement admission contention
""")

_IRREGULAR = {
    "say": ("said", "says", "saying"),
    "tell": ("told", "tells", "telling"),
    "write": ("wrote", "written", "writes", "writing"),
    "tweet": ("tweeted", "tweets", "tweeting"),
}


def _forms(lemma: str) -> set[str]:
    """Give the inflected forms of a regular English verb, plus any irregular ones."""
    if lemma in _IRREGULAR:
        return {lemma, *_IRREGULAR[lemma]}
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        past, third = lemma[:-1] + "ied", lemma[:-1] + "ies"
    else:
        past, third = stem + "ed", lemma + ("es" if lemma.endswith(("s", "sh", "ch")) else "s")
    forms = {lemma, past, third, stem + "ing"}
    if re.fullmatch(r".*[^aeiou][aeiou][pgtbm]", lemma):  # admit -> admitted
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


FORM_LEMMA = {f: lemma for lemma in sorted(SPEECH_VERBS) for f in _forms(lemma)}
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
