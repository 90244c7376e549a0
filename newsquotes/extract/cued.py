"""Statements at a speech cue in one parsed piece: a speech verb ("said"), "according to X",
or a nominal report ("Ana Pell's claim that ..."), with the quotations the cue claims.

Works on a spaCy Doc of one piece plus the quotation spans of the article; gives
`Candidate`s with offsets into the article text (the piece's `base` added).
"""

from __future__ import annotations

from bisect import bisect_right

from newsquotes.extract.cues import is_speech_lemma, is_weak
from newsquotes.extract.quotemarks import QUOTE_CHARS, QuoteSpan, overlapping
from newsquotes.extract.speech import (
    Candidate,
    asked_question,
    clause_end,
    content_runs,
    cue_text,
    said_as_object,
    sentence_minus,
    subject_of,
    tail_end,
    trim,
)
from newsquotes.lexicon.people import NOT_SPEAKERS, SHARE_NOUNS
from newsquotes.lexicon.speech import ADMIT_OBJECTS, NOMINAL_CUES, NOUNLIKE_CUES, REFUSAL_VERBS
from newsquotes.speakers.attribution import phrase_tokens

# Words opening a question a negated cue leaves open ("did not say whether").
_OPEN_QUESTION = frozenset(("whether", "if", "when", "how", "why", "what", "who", "where"))
# The last mark of a quotation that is speech, not a title: "“If we win,” he said".
_SPOKEN_END = set(",.?!…:;—-")


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
    if any(t.i not in region and is_cue(t) and subject_of(t) is not None
           and not _share(subject_of(t)) for t in tok.sent):
        return None  # "According to CNBC, Pell said ...": Pell's words, CNBC reported them
    # "according to" hangs off the clause it attributes: the whole sentence minus the phrase.
    runs = sentence_minus(tok.sent, region)
    return pobj, [r for r in runs if sum(1 for t in tok.doc[r[0]:r[1] + 1] if t.is_alpha) >= 3]


def _share(tok) -> bool:
    """Give True for a share of a group ("51 percent of voters", "a majority of residents")."""
    return tok.lower_ in SHARE_NOUNS


def _reported_share(verb, speaker) -> bool:
    """Give True for a share of a group said to have said something by a source ("According to
    the poll, 51 percent said ...", "a release said a majority said yes"): the source's
    statement, not the share's."""
    if not _share(speaker):
        return False
    if verb.dep_ == "ccomp" and is_cue(verb.head):
        return True
    return any(t.lower_ == "according" and any(c.lower_ == "to" for c in t.children)
               for t in verb.sent)


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
            end = tail_end(doc, mark.i + 1, clause_end(clause, acts=True))
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
    if tok.dep_ == "amod" and (tok.head.pos_ != "PROPN" or any(
            c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i for c in tok.head.lefts)):
        # "pledged delegates" (an amod cue is "said Lavrov" read as a modifier); "Pell
        # accused Orlov of ...": a verb between two names, read as a modifier of the second
        return False
    if tok.lemma_ == "admit" and any(
            c.dep_ == "dobj" and (c.lower_ in ADMIT_OBJECTS or c.ent_type_ in ("NORP", "CARDINAL")
                                  or c.tag_ == "NNPS") for c in tok.children):
        return False  # "admitting more students": letting people in
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
    toks = list(phrase_tokens(speaker))
    first, last = min(toks, key=lambda t: t.i), max(toks, key=lambda t: t.i)
    doc = speaker.doc
    # the marks closing or opening a quotation the phrase holds ("Pell's “remarks,”")
    after = last.i
    while after + 1 < len(doc) and doc[after + 1].is_punct and not doc[after].whitespace_:
        after += 1
    if any(t.text in QUOTE_CHARS for t in doc[last.i + 1:after + 1]):
        last = doc[after]
    if first.i > 0 and doc[first.i - 1].text in QUOTE_CHARS and not doc[first.i - 1].whitespace_:
        first = doc[first.i - 1]
    return _chars(first, last, base)


def _within(q: QuoteSpan, chars: tuple[int, int]) -> bool:
    return chars[0] <= q.start and q.end <= chars[1]


def _negated(verb) -> bool:
    """Give True for speech said not to have been given: "did not say whether", "won't say",
    "declined to comment", "refused to say"."""
    if verb.dep_ == "xcomp" and verb.head.lower_ in REFUSAL_VERBS:
        return True
    if not any(c.dep_ == "neg" for c in verb.children):
        return False
    # "did not say whether ...", "won't say when ...": no words given (a negated "did not say
    # it was late" still reports a claim, and the gold corpora count it); nor does "on the day
    # the paper reported it, the moderators didn't ask her about it"
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    return any(c.dep_ in ("ccomp", "advcl", "dobj") and c.left_edge.lower_ in _OPEN_QUESTION
               for c in verb.children) or bool(clauses) and all(c.i < verb.i for c in clauses)


def _self_naming(verb) -> bool:
    """Give True for a name taken, not words said: "a group calling itself Red Heron" (not
    "he called himself pro-choice", a claim)."""
    own = [c for c in verb.children
           if c.dep_ == "dobj" and c.lower_ in ("itself", "themselves", "himself", "herself")]
    doc = verb.doc
    return verb.lemma_ == "call" and bool(own) and own[0].i + 1 < len(doc) and (
        doc[own[0].i + 1].pos_ == "PROPN")


def _quote_at(quotes: list[QuoteSpan], pos: int) -> QuoteSpan | None:
    """Give the quotation holding offset `pos`, or None (`quotes` in order, never
    overlapping)."""
    i = bisect_right(quotes, pos, key=lambda q: q.start) - 1
    return quotes[i] if i >= 0 and pos < quotes[i].end else None


def _cue(tok, base: int, quotes: list[QuoteSpan]):
    """Give (speaker token, content runs, cue text) of the cue `tok` is, or None."""
    acc = _according_to(tok)
    if acc is not None:
        return acc[0], acc[1], "according to"
    nominal = _nominal(tok)
    if nominal is not None:
        return nominal[0], nominal[1], tok.text
    if not is_cue(tok) or (tok.dep_ == "xcomp" and is_weak(tok.lemma_)):
        return None  # "wants to continue talks"
    if _negated(tok) or _self_naming(tok):
        return None
    speaker = subject_of(tok)
    if speaker is None or _quote_at(quotes, speaker.idx + base) is not None:
        return None
    if speaker.dep_ == "nsubjpass" and speaker.head == tok:
        # "she was asked to leave", "the names were not disclosed": the subject of a passive
        # cue is who was addressed or what was said ("he was quoted as saying": the cue is
        # "saying", whose speaker is who was quoted)
        return None
    if _reported_share(tok, speaker):
        return None
    return speaker, content_runs(tok, speaker), cue_text(tok)


def _near(tok, speaker, base: int, text: str, quotes: list[QuoteSpan],
          claimed: set[int]) -> list[QuoteSpan]:
    """Give the quotations of the cue's sentence it may claim, not yet claimed."""
    sent = tok.sent
    s_lo, s_hi = sent.start_char + base, sent.end_char + base
    named = _phrase_chars(speaker, base)
    # A quotation in the speaker's own phrase names something ("whose book “Rivers
    # Without Borders” argued"): it is not what was said.
    near = [q for q in overlapping(quotes, s_lo, s_hi) if q.start not in claimed
            and not _within(q, named)]
    # A later quotation with a cue of its own ("“...,” wrote Ana Pell") is that cue's, even
    # where the parse runs two sentences into one.
    near = [q for q in near if q.start < tok.idx + base or not _own_cue(tok, q, base, text)]
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
    if not near and speaker is not None and tok.i > speaker.i and not any(
            c.dep_ in _SAID_DEPS for c in tok.children):
        near = _asked_before(named[0], text, quotes, claimed)
    return near


# What a cue's own clause says, which leaves it no quotation before it to claim ("said no").
_SAID_DEPS = ("ccomp", "xcomp", "intj", "parataxis", "oprd", "attr")


def _asked_before(start: int, text: str, quotes: list[QuoteSpan],
                  claimed: set[int]) -> list[QuoteSpan]:
    """Give the quotation ending in "?" or "!" that the speaker's phrase (at `start`) follows
    with nothing between ("“Is it over?” Ana Pell said."): the parse ends a sentence at the
    quotation's own mark, so the cue's sentence does not hold what was said."""
    for q in quotes:
        if (q.start not in claimed and q.end <= start and not text[q.end:start].strip()
                and text[q.content_start:q.content_end].rstrip()[-1:] in ("?", "!")
                and not text[:q.start].rstrip().endswith(":")):  # "He asked: “...?”"
            return [q]
    return []


def _own_cue(tok, q: QuoteSpan, base: int, text: str) -> bool:
    """Give True when a cue of another speaker named after the quotation `q` follows it within
    a few words ("“...,” wrote Ana Pell", "“...,” Ana Pell said"; not "called it “crazy” and
    said ...", nor "“...,” he said": the same speaker going on)."""
    if text[q.start:q.end].rstrip("".join(QUOTE_CHARS) + " ").endswith("."):
        return False  # a full stop ends the sentence: what follows is another
    after = [t for t in tok.doc if t.idx + base >= q.end][:5]
    for t in after:
        if t.text in (".", "!", "?", ";") or t.text[:1] in QUOTE_CHARS:
            return False
        if t is tok or not is_cue(t) or tok in t.ancestors or t in tok.ancestors:
            continue
        who = subject_of(t)
        return who is not None and who.idx + base >= q.end and who.pos_ == "PROPN"
    return False


def _needs_more(tok, speaker, cue: str, near: list[QuoteSpan]) -> bool:
    """Give True for a weak cue ("criticized", "called") with neither a quotation, a clause
    nor an object that is what was said: it describes an act, not speech."""
    return (is_weak(tok.lemma_) and not near and cue != "according to"
            and not any(c.dep_ == "ccomp" or asked_question(tok, c)
                        or (tok.lemma_ == "ask" and c.dep_ == "xcomp") for c in tok.children)
            and not (said_as_object(tok) and speaker.lower_ not in NOT_SPEAKERS))


def paragraph_candidates(doc, base: int, text: str, quotes: list[QuoteSpan]) -> list[Candidate]:
    """Give the statements at the speech cues of one parsed piece (offsets into the text)."""
    out: list[Candidate] = []
    claimed: set[int] = set()  # starts of quotes taken by a cue
    for tok in doc:
        if _quote_at(quotes, tok.idx + base) is not None:
            continue
        found = _cue(tok, base, quotes)
        if found is None:
            continue
        speaker, runs, cue = found
        near = _near(tok, speaker, base, text, quotes, claimed)
        # The full stop ending the reporting sentence is no part of what was said.
        runs = [(a, b - 1 if b > a and doc[b].text in (".", ";") else b) for a, b in runs]
        spans = [trim(text, *_chars(doc[a], doc[b], base)) for a, b in runs]
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
        if not spans or _needs_more(tok, speaker, cue, near):
            continue
        for a, b in spans:
            for q in near:  # a partial quotation inside: take it whole
                if q.start < b and q.end > a:
                    a, b = min(a, q.content_start), max(b, q.content_end)
                    claimed.add(q.start)
            kind = "mixed" if overlapping(quotes, a, b) else "indirect"
            out.append(Candidate(a, b, kind, cue, speaker))
    return out
