"""Statements in one parsed paragraph: cues, their speakers, and what was said.

Works on a spaCy Doc of one paragraph plus the quotation spans of the article; gives
`Candidate`s with offsets into the article text (the paragraph's `base` added).
"""

from __future__ import annotations

from dataclasses import dataclass

from newsquotes.extract.cues import is_speech_lemma, is_weak
from newsquotes.extract.quotemarks import QUOTE_CHARS, QuoteSpan
from newsquotes.lexicon.calendar import MONTHS, NEAR_DAYS, WEEKDAYS
from newsquotes.lexicon.people import NOT_SPEAKERS
from newsquotes.lexicon.speech import (
    CLAUSE_ONLY_VERBS,
    MEDIA_NOUNS,
    NOMINAL_CUES,
    NOUNLIKE_CUES,
    OBJECT_VERBS,
    PREPOSITION_OBJECT,
    WHEN_WORDS,
)

# Children of a cue that belong to the attribution rather than to what was said.
_FRAME_DEPS = {"nsubj", "nsubjpass", "aux", "auxpass", "neg", "advmod", "npadvmod", "dative",
               "punct", "prep", "agent", "cc", "prt", "mark"}
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
# The last mark of a quotation that is speech, not a title: "“If we win,” he said".
_SPOKEN_END = set(",.?!…:;—-")
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


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
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
    for _ in range(3):
        for child in tok.children:
            if child.dep_ in _SUBJECT_DEPS:
                if child.tag_ in ("WP", "WDT") and tok.dep_ == "relcl":
                    return tok.head
                if child.text.isupper() and child.i == child.sent.start:
                    # A dateline ("WASHINGTON (AP) — President X ...") taken for the subject.
                    names = [a for a in child.children if a.dep_ == "appos" and a.i > child.i]
                    return names[-1] if names else child
                return child
        if tok.dep_ == "relcl":
            return tok.head
        # "said Lavrov" parsed as an adjective of the name.
        if tok.dep_ == "amod" and tok.head.i > tok.i and tok.head.pos_ == "PROPN":
            return tok.head
        if (tok.dep_ == "conj" and tok.head.dep_ == "ccomp"
                and is_speech_lemma(tok.head.head.lemma_)
                and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)):
            # "She said the talks were “normal” and urged both sides ...": the parser ties the
            # second act to the reported clause, but the one who urged is the one who said.
            # "... said it had ordered supplies and would send nurses" goes on reporting.
            tok = tok.head.head
            continue
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
    if nxt is not None and nxt.pos_ == "PROPN" and nxt.lower_ not in _DAYS:
        return nxt
    return _name_before(verb)


def _name_before(verb):
    """Give the name right before a subjectless cue, past an aside ("As part of his plea, Tavi
    Rennick, 44, said ...": the parser hung the name on "plea"), or None."""
    i = verb.i - 1
    while i > verb.sent.start and (verb.doc[i].is_punct or verb.doc[i].tag_ == "CD"):
        i -= 1
    name = verb.doc[i]
    if i < verb.i - 1 and name.pos_ == "PROPN" and name.dep_ in ("appos", "pobj", "conj"):
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


def _cue_text(verb) -> str:
    parts = [verb]
    for child in verb.children:
        if child.dep_ == "prt":
            parts.append(child)
    prep = _object_preposition(verb)
    if prep is not None:
        parts.append(prep)
    return " ".join(t.text for t in sorted(parts, key=lambda t: t.i))


def _sentence_minus(sent, region: set[int]) -> list[tuple[int, int]]:
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


def _tail_end(doc, a: int, b: int) -> int:
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


def _clause_end(head, acts: bool = False) -> int:
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
             or _question(verb, c)] or _medium_clause(verb)
    if comps:
        a = min(c.left_edge.i for c in comps)
        return [(a, _tail_end(doc, a, max(_clause_end(c) for c in comps)))]
    lemma = verb.lemma_.lower()
    prep = _object_preposition(verb)
    if prep is not None:
        return [(prep.i + 1, _tail_end(doc, prep.i + 1, _clause_end(_object_clause(prep))))]
    if lemma not in CLAUSE_ONLY_VERBS:
        rights = [c for c in verb.rights if c.dep_ not in _FRAME_DEPS]
        if rights:
            a = rights[0].left_edge.i
            return [(a, _tail_end(doc, a, _clause_end(verb, acts=True)))]
    # The cue is an aside to the clause that holds the statement: "X, he added." /
    # "X, Lavrov says, Y." / "X, added Lavrov."
    main = verb.dep_ in ("ROOT", "parataxis", "ccomp", "advcl", "amod", "conj")
    if verb.pos_ in ("NOUN", "PROPN"):
        main = True
    if not main:
        return []
    sent = verb.sent
    region = {t.i for t in verb.subtree}
    if verb.pos_ in ("NOUN", "PROPN"):
        region = {t.i for t in verb.sent if t.i <= verb.i and t.i >= (speaker or verb).left_edge.i}
    if speaker is not None:
        region |= {t.i for t in speaker.subtree}
    if verb.dep_ == "ROOT":
        region = {t.i for t in sent}
        region -= {t.i for c in verb.children if c.dep_ not in _FRAME_DEPS
                   and not _circumstance(c) for t in c.subtree}
        region |= {t.i for t in speaker.subtree} if speaker is not None else set()
    runs = _sentence_minus(sent, region)
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


def _question(verb, child) -> bool:
    """Give True for the clause an active "asked" brings: "asked them if ...", "whether ..."."""
    return (verb.lemma_ == "ask" and child.dep_ == "advcl"
            and not any(c.dep_ == "auxpass" for c in verb.children)
            and any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in child.children))


def _circumstance(child) -> bool:
    """Give True for a clause that says when or how something was said ("as he left")."""
    return child.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in WHEN_WORDS for c in child.children)


def _according_to(tok):
    """Give (speaker token, content runs) for "according to X", else None."""
    if tok.lower_ != "according":
        return None
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    if pobj.tag_ == "NN" and not any(c.dep_ in ("det", "poss", "amod", "compound")
                                     for c in pobj.children):
        return None  # "according to plan", "according to schedule": not a source
    region = {t.i for t in tok.subtree}
    # "according to" hangs off the clause it attributes: the whole sentence minus the phrase.
    runs = _sentence_minus(tok.sent, region)
    return pobj, [r for r in runs if sum(1 for t in tok.doc[r[0]:r[1] + 1] if t.is_alpha) >= 3]


def _nominal(tok):
    """Give (speaker token, content runs) for a nominal report: "Ana Pell's claim that ...",
    "his warning that ...", else None."""
    if tok.tag_ not in ("NN", "NNS") or tok.lower_ not in NOMINAL_CUES:
        return None
    doc = tok.doc
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is None and tok.i >= 2 and doc[tok.i - 1].tag_ == "POS":
        owner = doc[tok.i - 2]  # the parser hung the possessive elsewhere
    # "his claim that": the owner is resolved as "he" would be (attribution.py).
    if owner is None or not (owner.pos_ in ("PROPN", "NOUN") or owner.lower_ in ("his", "her")):
        return None
    for clause in tok.rights:
        mark = clause.left_edge
        if clause.dep_ in ("acl", "ccomp", "relcl") and mark.lower_ == "that" and (
                mark.dep_ == "mark" and mark.i == tok.i + 1):
            end = _tail_end(doc, mark.i + 1, _clause_end(clause, acts=True))
            return owner, [(mark.i + 1, end)]
    return None


def is_cue(tok) -> bool:
    """Give True for a token that is a speech verb used as a verb."""
    if tok.pos_ in ("NOUN", "PROPN") and tok.lower_ in NOUNLIKE_CUES:
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        return (prev is not None and prev.pos_ in ("NOUN", "PROPN")
                and (nxt is None or nxt.is_punct))
    if tok.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in tok.children) and (
            tok.dep_ not in ("ROOT", "amod", "conj")):
        return False  # "Asked about the plan, ...", "a plan announced on Monday": not a speaker
    if tok.dep_ == "amod" and tok.head.pos_ != "PROPN":
        return False  # "pledged delegates" (an amod cue is "said Lavrov" read as a modifier)
    return tok.pos_ in ("VERB", "AUX") and is_speech_lemma(tok.lemma_) or (
        tok.lower_ in ("say", "says", "said") and tok.pos_ != "PROPN")


def _spoken(quotation: str) -> bool:
    """Give True for a quotation (marks included) punctuated inside its marks like speech."""
    inner = quotation.rstrip().rstrip("".join(QUOTE_CHARS)).rstrip()
    return inner[-1:] in _SPOKEN_END


def _chars(first, last, base: int) -> tuple[int, int]:
    """Give the (start, end) characters in the article of the tokens first..last."""
    return first.idx + base, last.idx + len(last) + base


def _phrase_chars(speaker, base: int) -> tuple[int, int]:
    """Give the (start, end) characters of a speaker's noun phrase, without a clause hung on it
    ("Heddle, who said “...”" is "Heddle"); (0, 0) for no speaker."""
    if speaker is None:
        return 0, 0
    toks = [speaker] + [t for c in speaker.children
                        if c.dep_ not in ("relcl", "acl", "advcl", "ccomp", "conj", "cc")
                        for t in c.subtree]
    return _chars(min(toks, key=lambda t: t.i), max(toks, key=lambda t: t.i), base)


def _within(q: QuoteSpan, chars: tuple[int, int]) -> bool:
    return chars[0] <= q.start and q.end <= chars[1]


def paragraph_candidates(doc, base: int, text: str, quotes: list[QuoteSpan]) -> list[Candidate]:
    """Give the statements of one parsed paragraph (offsets into the article text)."""
    def quote_at(pos: int) -> QuoteSpan | None:
        for q in quotes:
            if q.start <= pos < q.end:
                return q
        return None

    out: list[Candidate] = []
    claimed: set[int] = set()  # starts of quotes taken by a cue
    for tok in doc:
        pos = tok.idx + base
        if quote_at(pos) is not None:
            continue
        acc = _according_to(tok)
        nominal = _nominal(tok) if acc is None else None
        if acc is not None:
            speaker, runs = acc
            cue = "according to"
        elif nominal is not None:
            speaker, runs = nominal
            cue = tok.text
        elif is_cue(tok):
            if tok.dep_ == "xcomp" and is_weak(tok.lemma_):
                continue  # "wants to continue talks"
            speaker = subject_of(tok)
            if speaker is None or quote_at(speaker.idx + base) is not None:
                continue
            if speaker.dep_ == "nsubjpass" and tok.lemma_ in ("ask", "tell"):
                continue  # "she was asked to leave": the subject is who was addressed
            runs = content_runs(tok, speaker)
            cue = _cue_text(tok)
        else:
            continue
        sent = tok.sent
        s_lo, s_hi = sent.start_char + base, sent.end_char + base
        named = _phrase_chars(speaker, base)
        # A quotation in the speaker's own phrase names something ("whose book “Rivers
        # Without Borders” argued"): it is not what was said.
        near = [q for q in quotes if q.start < s_hi and q.end > s_lo and q.start not in claimed
                and not _within(q, named)]
        if tok.dep_ in ("relcl", "acl"):
            # A cue in a clause hung on a noun says only what is in that clause ("Heddle,
            # whose book argued for it, said he had “smiled”": the quotation is Heddle's).
            clause = _chars(tok.left_edge, tok.right_edge, base)
            near = [q for q in near if _within(q, clause)]
        # "He said:" closing a sentence or paragraph: the quotation that follows is his.
        if not near and sent.text.rstrip().endswith(":"):
            after = [q for q in quotes if q.start >= s_hi - 1 and q.start not in claimed
                     and not text[s_hi:q.start].strip()]
            near = after[:1]
        # The full stop ending the reporting sentence is no part of what was said.
        runs = [(a, b - 1 if b > a and doc[b].text in (".", ";") else b) for a, b in runs]
        spans = [_trim(text, *_chars(doc[a], doc[b], base)) for a, b in runs]
        spans = [(a, b) for a, b in spans if b > a]
        content_len = sum(b - a for a, b in spans)
        inside = sum(min(b, q.content_end) - max(a, q.content_start)
                     for a, b in spans for q in near
                     if min(b, q.content_end) > max(a, q.content_start))
        if near and (not spans or inside >= 0.6 * content_len):
            # With a content found, a quotation outside it is said only when it reads as
            # speech, punctuated inside its marks ("“If we cannot,” he joked, “...”"): "In his
            # book “X”, he described it as “Y”" says Y, not the title X.
            for q in [q for q in near if not spans
                      or any(q.start < b and q.end > a for a, b in spans)
                      or _spoken(text[q.start:q.end])]:
                claimed.add(q.start)
                out.append(Candidate(q.content_start, q.content_end, "direct", cue, speaker))
            continue
        if not spans or (is_weak(tok.lemma_) and not near and cue != "according to"
                         and not any(c.dep_ == "ccomp" or _question(tok, c)
                                     or (tok.lemma_ == "ask" and c.dep_ == "xcomp")
                                     for c in tok.children)
                         and not (said_as_object(tok) and speaker.lower_ not in NOT_SPEAKERS)):
            continue
        for a, b in spans:
            for q in near:  # a partial quotation inside: take it whole
                if q.start < b and q.end > a:
                    a, b = min(a, q.content_start), max(b, q.content_end)
                    claimed.add(q.start)
            kind = "mixed" if any(q.start < b and q.end > a for q in quotes) else "indirect"
            out.append(Candidate(a, b, kind, cue, speaker))
    return out

