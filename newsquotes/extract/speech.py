"""The grammar of a speech cue in a parse: its speaker, and the token runs of what was said.

`Candidate` is a statement before its speaker is resolved, with offsets into the article
text (the parsed piece's `base` added).
"""

from __future__ import annotations

from dataclasses import dataclass

from newsquotes.extract.cues import is_speech_lemma
from newsquotes.extract.quotemarks import QUOTE_CHARS
from newsquotes.lexicon.calendar import MONTHS, NEAR_DAYS, WEEKDAYS
from newsquotes.lexicon.speech import (
    CARRIED_NOUNS,
    CARRYING_FORMS,
    CAUSING_FORMS,
    CLAUSE_ONLY_VERBS,
    MEDIA_NOUNS,
    OBJECT_VERBS,
    OCCASION_NOUNS,
    PREPOSITION_OBJECT,
    WHEN_WORDS,
)

# Children of a cue that belong to the attribution rather than to what was said.
_FRAME_DEPS = {"nsubj", "nsubjpass", "aux", "auxpass", "neg", "advmod", "npadvmod", "dative",
               "punct", "prep", "agent", "cc", "prt", "mark"}
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Words after a cue that are no speaker ("said Monday").
_DAYS = WEEKDAYS | MONTHS | NEAR_DAYS
_EDGE = " \t\n\r,;:—–-\u00a0"


@dataclass
class Candidate:
    """A statement before its speaker is resolved."""

    start: int
    end: int
    kind: str
    cue: str = ""
    speaker: object = None  # the spaCy token heading the speaker mention, or None
    follows: bool = False  # no cue of its own: said by whoever spoke last
    # (start, end) of the headline an excerpt stands under: said by no one the article names
    headline: tuple[int, int] | None = None


def trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a] in _EDGE):
        a += 1
    while b > a and text[b - 1] in _EDGE:
        b -= 1
    if text[a:a + 5].lower() == "that " and b - a > 5:
        a += 5
    return a, b


def subject_of(verb):
    """Give the token heading the speaker of a speech verb, or None."""
    tok = verb
    for _ in range(6):
        lifted = _aside_lift(tok) or _carrier(tok)
        if lifted is not None:
            tok = lifted
            continue
        for child in tok.children:
            if child.dep_ in _SUBJECT_DEPS:
                if child.tag_ in ("WP", "WDT") and tok.dep_ == "relcl":
                    return tok.head
                if child.text.isupper() and child.i == child.sent.start:
                    # A dateline ("WASHINGTON (AP) — President X ...") taken for the subject.
                    names = [a for a in child.children if a.dep_ == "appos" and a.i > child.i]
                    return names[-1] if names else child
                return _past_dateline(tok, child)
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN"):
            # "candidates blasting Mayor Pell's plan": the candidates, not "Mayor"; "spoke at a
            # rally blasting ...": who spoke
            noun = tok.head
            up = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if noun.lower_ not in OCCASION_NOUNS or noun.dep_ in _SUBJECT_DEPS or up is None:
                return noun
            tok = up
            continue
        if tok.dep_ in ("relcl", "acl") and _infinitive(tok):
            # "went out of his way to say ...": the one who went, not "his way" (nor "his
            # ability" in "ran on his ability to win and accused ...")
            verb_up = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if verb_up is None:
                return None
            tok = verb_up
            continue
        if tok.dep_ == "relcl":
            return tok.head
        # "said Lavrov" parsed as an adjective of the name.
        if tok.dep_ == "amod" and tok.head.i > tok.i and tok.head.pos_ == "PROPN":
            return tok.head
        if (tok.dep_ == "conj" and tok.head.dep_ == "ccomp"
                and tok.head.head.pos_ in ("VERB", "AUX")
                and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)):
            # "She said the talks were “normal” and urged both sides ...": the parser ties the
            # second act to the reported clause, but the one who urged is the one who said
            # (or forecast, or hoped). "... said it had ordered supplies and would send nurses"
            # goes on reporting.
            tok = tok.head.head
            continue
        if tok is verb and tok.dep_ == "xcomp" and tok.head.lower_ in CAUSING_FORMS:
            # "led Republicans to say ...": who was led, not what led them
            obj = [c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i]
            if obj and obj[-1].pos_ in ("PROPN", "NOUN", "PRON"):
                return obj[-1]
        if tok.dep_ in ("xcomp", "advcl", "conj") and tok.head.pos_ in ("VERB", "AUX"):
            tok = tok.head
            continue
        # "began by saying ...", "after announcing ...": the subject of the governing verb.
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ in (
                "VERB", "AUX"):
            tok = tok.head.head
            continue
        break
    if verb.pos_ in ("NOUN", "PROPN"):  # a cue the tagger took for a noun: "board writes"
        prev = verb.doc[verb.i - 1]
        return prev if prev.head == verb or verb.head == prev else prev
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    # "said Lavrov"; not "calling Senate leader Mitch McConnell a liar", whose name is its object
    if (nxt is not None and nxt.pos_ == "PROPN" and nxt.lower_ not in _DAYS
            and verb.lemma_ not in OBJECT_VERBS):
        return nxt
    return _name_before(verb)


def _carrier(tok):
    """Give the verb whose subject carries the words of `tok` ("they will hold banners
    proclaiming “...”": the parse makes "banners" the subject of "proclaiming"), else None."""
    if tok.dep_ in ("ccomp", "xcomp", "conj") and tok.head.lower_ in CARRYING_FORMS and any(
            c.dep_ in _SUBJECT_DEPS and c.lower_ in CARRIED_NOUNS for c in tok.children):
        return tok.head
    return None


def _past_dateline(verb, subject):
    """Give the verb's second subject when the first opens its sentence as a dateline
    ("Kessin (AP) – Mayor Ana Pell said ...": the parse gives "said" both), else `subject`."""
    doc = subject.doc
    nxt = doc[subject.i + 1] if subject.i + 1 < len(doc) else None
    if subject.i != subject.sent.start or nxt is None or nxt.text not in ("(", *_ASIDE_OPEN):
        return subject
    later = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS and c.i > subject.i]
    return later[0] if later else subject


# Marks setting off a participle clause from the clause it comments on.
_ASIDE_OPEN = {",", "—", "–", "--", "-", "―"}


def _aside_lift(tok):
    """Give the verb whose subject speaks a participle set off after a clause hung on a noun or
    a reported clause ("rejected the claim that the board broke the law, saying ...": who
    rejected; "said Oren was fit -- having called him unfit -- but ..."), else None."""
    if tok.dep_ not in ("advcl", "xcomp") or not (
            tok.tag_ == "VBG" or any(c.lower_ == "having" and c.dep_ == "aux"
                                     for c in tok.children)):
        return None
    if any(c.dep_ in _SUBJECT_DEPS for c in tok.children) or tok.left_edge.i == 0:
        return None
    if tok.doc[tok.left_edge.i - 1].text not in _ASIDE_OPEN:
        return None
    head = tok.head
    clause = head  # the reported clause the participle's verb is part of ("will have to choose")
    while clause.dep_ in ("xcomp", "conj") and clause.head is not clause:
        clause = clause.head
    if clause.dep_ == "ccomp" and is_speech_lemma(clause.head.lemma_) and clause.head.i < tok.i:
        return clause.head  # not "They mocked it, calling it a joke, Pell said": theirs
    if head.dep_ in ("relcl", "acl") and head.head.pos_ in ("NOUN", "PROPN"):
        return next((a for a in head.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return None


def _infinitive(verb) -> bool:
    """Give True for a verb in a "to"-infinitive ("his way to say")."""
    return any(c.dep_ == "aux" and c.text.lower() == "to" for c in verb.children)


def _name_before(verb):
    """Give the name right before a subjectless cue, past an aside ("As part of his plea, Tavi
    Rennick, 44, said ...": the parser hung the name on "plea"), or hung on a word before it
    ("“...,” screenwriter Ana Pell wrote": "screenwriter" read as a verb taking "Pell"), or
    None."""
    i = verb.i - 1
    while i > verb.sent.start and (verb.doc[i].is_punct or verb.doc[i].tag_ == "CD"):
        i -= 1
    name = verb.doc[i]
    if (i < verb.i - 1 or name.head.i < name.i) and name.pos_ == "PROPN" and name.dep_ in (
            "appos", "pobj", "conj", "dobj"):
        return name
    return None


def _object_preposition(verb):
    """Give the preposition bringing what was said ("called for elections", "called for
    cutting taxes", "pointed to"), or the "for" opening a clause ("called for the minister to
    resign", parsed as a clause of its own), or None."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return None
    preps = PREPOSITION_OBJECT.get(verb.lemma_.lower(), ())
    for c in verb.rights:
        if c.dep_ == "prep" and c.lower_ in preps and any(
                g.dep_ in ("pobj", "pcomp") for g in c.children):
            return c
        if c.dep_ == "advcl" and "for" in preps:
            mark = verb.doc[verb.i + 1]
            if mark.dep_ == "mark" and mark.lower_ == "for" and mark.head == c:
                return mark
    return None


def _object_clause(prep):
    """Give the token whose clause ends what a preposition or "for" of `_object_preposition`
    brings."""
    return prep if prep.dep_ == "prep" else prep.head


def said_as_object(verb) -> bool:
    """Give True when a weak cue's object is what was said ("criticized the plan")."""
    if _object_preposition(verb) is not None:
        return True
    if verb.lemma_.lower() not in OBJECT_VERBS:
        return False
    objs = [c for c in verb.rights if c.dep_ == "dobj"]
    if not objs:
        # a gerund as object: "reported raising $9 million", "defended cutting the tax"
        return verb.lemma_.lower() != "call" and any(
            c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VBG" for c in verb.rights)
    if verb.lemma_.lower() == "call":
        # "called the vote a disgrace", "called it “a joke”", not "called the police"
        obj = objs[0]
        after = verb.doc[obj.i + 1:verb.right_edge.i + 1]
        return any(c.dep_ in ("oprd", "ccomp", "xcomp", "dobj") and c.i > obj.i
                   for c in verb.rights) or any(
            t.text[:1] in QUOTE_CHARS or (t.dep_ == "appos" and t.head == obj and any(
                d.lower_ in ("a", "an") for d in t.lefts)) for t in after)
    return True


def cue_text(verb) -> str:
    parts = [verb]
    for child in verb.children:
        if child.dep_ == "prt":
            parts.append(child)
    prep = _object_preposition(verb)
    if prep is not None:
        parts.append(prep)
    return " ".join(t.text for t in sorted(parts, key=lambda t: t.i))


def sentence_minus(sent, region: set[int]) -> list[tuple[int, int]]:
    """Give the (first, last) token runs of `sent` outside `region`."""
    runs, cur = [], None
    for tok in sent:
        if tok.i in region:
            if cur:
                runs.append(cur)
            cur = None
        elif cur is None:
            cur = [tok.i, tok.i]
        else:
            cur[1] = tok.i
    if cur:
        runs.append(cur)
    return runs


# Trailing modifiers set off by a comma or dash that comment on what was said rather than
# belong to it: ", which forced ...", ", who ...", ", a former aide", ", ending months of ...".
# (A trailing ", including ..." or ", despite ..." is as often part of what was said.)
_ASIDE_DEPS = {"relcl", "appos", "acl", "advcl", "npadvmod"}
_ASIDE_MARKS = {",", "—", "–", "--", "-"}


def tail_end(doc, a: int, b: int) -> int:
    """Give the last token of the run doc[a..b] once a trailing aside is cut off."""
    for t in doc[a:b + 1]:
        if t.text == ";" and t.i > a:
            b = t.i - 1  # a second sentence joined by a semicolon
            break
    for i in range(a + 2, b):
        if doc[i].text not in _ASIDE_MARKS:
            continue
        head = doc[i + 1]
        while head.head.i != head.i and head.head.left_edge.i == i + 1:
            head = head.head
        if head.right_edge.i < b - 1 or head.left_edge.i != i + 1:
            continue
        if head.dep_ == "appos" and any(c.dep_ in ("cc", "conj") for c in head.children):
            continue  # a list going on ("on Israel, the nuclear deal and the courts")
        if head.dep_ in _ASIDE_DEPS:
            return i - 1
    return b


def clause_end(head, acts: bool = False) -> int:
    """Give the last token of what was said in the clause `head`, leaving out a trailing
    ", conceding the race" or ", and he said ..." that belongs to the reporting sentence
    (with `acts`, any further verb: "criticized the plan and left")."""
    doc = head.doc
    for child in head.rights:
        if acts and child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            cc = [t for t in head.rights if t.dep_ == "cc" and t.i < child.i]
            return (cc[-1].i if cc else child.left_edge.i) - 1
        before = doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
        after_comma = before is not None and before.text == ","
        if after_comma and child.dep_ in ("advcl", "xcomp", "acl") and child.tag_ == "VBG":
            return child.left_edge.i - 1
        if child.dep_ == "conj" and (is_speech_lemma(child.lemma_) or any(
                is_speech_lemma(t.lemma_) and any(c.dep_ == "nsubj" for c in t.children)
                for t in child.subtree)):
            cc = [t for t in head.rights if t.dep_ == "cc" and t.i < child.i]
            return (cc[-1].i if cc else child.left_edge.i) - 1
    return head.right_edge.i


def content_runs(verb, speaker) -> list[tuple[int, int]]:
    """Give the token runs holding what was said at this cue (may be empty)."""
    doc = verb.doc
    comps = [c for c in verb.children
             if c.dep_ == "ccomp" or (c.dep_ == "xcomp" and verb.lemma_ != "continue")
             or asked_question(verb, c)] or _medium_clause(verb)
    if speaker is not None and any(c.i > verb.i for c in comps):
        # "When Pell noted ... — Vask boasted, “...”": a clause the parse hangs before the
        # speaker is no part of what was said when one follows the cue
        comps = [c for c in comps if c.i > verb.i or c.right_edge.i >= speaker.left_edge.i]
    if comps:
        a = min(c.left_edge.i for c in comps)
        return [(a, tail_end(doc, a, max(clause_end(c) for c in comps)))]
    lemma = verb.lemma_.lower()
    prep = _object_preposition(verb)
    if prep is not None:
        return [(prep.i + 1, tail_end(doc, prep.i + 1, clause_end(_object_clause(prep))))]
    if lemma not in CLAUSE_ONLY_VERBS:
        rights = [c for c in verb.rights if c.dep_ not in _FRAME_DEPS]
        if rights:
            a = rights[0].left_edge.i
            return [(a, tail_end(doc, a, clause_end(verb, acts=True)))]
    # The cue is an aside to the clause that holds the statement: "X, he added." /
    # "X, Lavrov says, Y." / "X, added Lavrov."
    main = verb.dep_ in ("ROOT", "parataxis", "ccomp", "advcl", "amod", "conj")
    if verb.pos_ in ("NOUN", "PROPN"):
        main = True
    if not main or _circumstance(verb, advmod=True):
        return []  # "..., when the primaries conclude": a time clause frames no one's words
    sent = verb.sent
    region = {t.i for t in verb.subtree}
    if verb.pos_ in ("NOUN", "PROPN"):
        region = {t.i for t in verb.sent if t.i <= verb.i and t.i >= (speaker or verb).left_edge.i}
    if speaker is not None:
        region |= {t.i for t in speaker.subtree}
    if verb.dep_ == "ROOT":
        region = {t.i for t in sent}
        region -= {t.i for c in verb.children if c.dep_ not in _FRAME_DEPS
                   and not _circumstance(c, advmod=True) for t in c.subtree}
        region |= {t.i for t in speaker.subtree} if speaker is not None else set()
    runs = sentence_minus(sent, region)
    sizes = [sum(1 for t in doc[a:b + 1] if t.is_alpha) for a, b in runs]
    # "In both cases, Ana Pell said, the money went ...": a short lead-in before the
    # attribution is a circumstance of the sentence, not a piece of the statement.
    keep = 2 if len(runs) < 2 else min(4, max(sizes))
    return [r for r, n in zip(runs, sizes, strict=True) if n >= keep]


def _medium_clause(verb) -> list:
    """Give the that-clause the parser hung on the medium of a cue ("said in a statement that
    the response was slow": "that ..." read as a clause of "statement"), as a list."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for medium in prep.children:
            if medium.dep_ == "pobj" and medium.lower_ in MEDIA_NOUNS:
                return [c for c in medium.rights if c.dep_ in ("acl", "relcl", "ccomp")
                        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    return []


def asked_question(verb, child) -> bool:
    """Give True for the clause an active "asked" brings: "asked them if ...", "whether ..."."""
    return (verb.lemma_ == "ask" and child.dep_ == "advcl"
            and not any(c.dep_ == "auxpass" for c in verb.children)
            and any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in child.children))


def _circumstance(child, advmod: bool = False) -> bool:
    """Give True for a clause that says when or how something was said ("as he left"; with
    `advmod`, also "when the talks ended")."""
    deps = ("mark", "advmod") if advmod else ("mark",)
    return child.dep_ == "advcl" and any(
        c.dep_ in deps and c.lower_ in WHEN_WORDS for c in child.children)
