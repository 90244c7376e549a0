"""Statements in one parsed paragraph: cues, their speakers, and what was said.

Works on a spaCy Doc of one paragraph plus the quotation spans of the article; gives
`Candidate`s with offsets into the article text (the paragraph's `base` added).
"""

from __future__ import annotations

from dataclasses import dataclass

from newsquotes.cues import is_speech_lemma, is_weak
from newsquotes.quotemarks import QuoteSpan

# Verbs whose object is the addressee or nothing useful ("told reporters", "said nothing"):
# their content is a clause or a quotation, never the object.
_CLAUSE_ONLY = {"say", "tell", "add", "continue", "write", "tweet", "ask", "reply", "respond",
                "explain", "note", "insist", "argue", "claim", "state", "post", "echo", "answer"}
# Children of a cue that belong to the attribution rather than to what was said.
_FRAME_DEPS = {"nsubj", "nsubjpass", "aux", "auxpass", "neg", "advmod", "npadvmod", "dative",
               "punct", "prep", "agent", "cc", "prt", "mark"}
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
         "january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december", "today", "tonight", "yesterday"}
_WHEN = {"as", "when", "while", "after", "before", "during", "since", "until", "once"}
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
        if tok.dep_ in ("xcomp", "advcl", "conj") and tok.head.pos_ in ("VERB", "AUX"):
            tok = tok.head
            continue
        break
    if verb.pos_ in ("NOUN", "PROPN"):  # a cue the tagger took for a noun: "board writes"
        prev = verb.doc[verb.i - 1]
        return prev if prev.head == verb or verb.head == prev else prev
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if nxt is not None and nxt.pos_ == "PROPN" and nxt.lower_ not in _DAYS:
        return nxt
    return None


def _cue_text(verb) -> str:
    parts = [verb]
    for child in verb.children:
        if child.dep_ == "prt":
            parts.append(child)
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


def _clause_end(head) -> int:
    """Give the last token of what was said in the clause `head`, leaving out a trailing
    ", conceding the race" or ", and he said ..." that belongs to the reporting sentence."""
    doc = head.doc
    for child in head.rights:
        before = doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
        after_comma = before is not None and before.text == ","
        if after_comma and child.dep_ in ("advcl", "xcomp", "acl") and child.tag_ == "VBG":
            return child.left_edge.i - 1
        if child.dep_ == "conj" and any(
                is_speech_lemma(t.lemma_) and any(c.dep_ == "nsubj" for c in t.children)
                for t in child.subtree):
            cc = [t for t in head.rights if t.dep_ == "cc" and t.i < child.i]
            return (cc[-1].i if cc else child.left_edge.i) - 1
    return head.right_edge.i


def content_runs(verb, speaker) -> list[tuple[int, int]]:
    """Give the token runs holding what was said at this cue (may be empty)."""
    doc = verb.doc
    comps = [c for c in verb.children
             if c.dep_ == "ccomp" or (c.dep_ == "xcomp" and verb.lemma_ != "continue")]
    if comps:
        return [(min(c.left_edge.i for c in comps), max(_clause_end(c) for c in comps))]
    lemma = verb.lemma_.lower()
    if lemma not in _CLAUSE_ONLY:
        rights = [c for c in verb.rights if c.dep_ not in _FRAME_DEPS]
        if rights:
            return [(rights[0].left_edge.i, verb.right_edge.i)]
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


def _circumstance(child) -> bool:
    """Give True for a clause that says when or how something was said ("as he left")."""
    return child.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _WHEN for c in child.children)


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


# Present-tense cue forms the tagger takes for plural nouns after a subject noun
# ("the editorial board writes").
_NOUNLIKE_CUES = {"says", "writes", "adds", "tells", "notes", "claims", "argues", "asks",
                  "explains", "insists", "warns", "tweets", "concludes", "continues", "recalls"}


def is_cue(tok) -> bool:
    """Give True for a token that is a speech verb used as a verb."""
    if tok.pos_ in ("NOUN", "PROPN") and tok.lower_ in _NOUNLIKE_CUES:
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        return (prev is not None and prev.pos_ in ("NOUN", "PROPN")
                and (nxt is None or nxt.is_punct))
    if tok.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in tok.children) and (
            tok.dep_ not in ("ROOT", "amod", "conj")):
        return False  # "Asked about the plan, ...", "a plan announced on Monday": not a speaker
    return tok.pos_ in ("VERB", "AUX") and is_speech_lemma(tok.lemma_) or (
        tok.lower_ in ("say", "says", "said") and tok.pos_ != "PROPN")


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
        if acc is not None:
            speaker, runs = acc
            cue = "according to"
        elif is_cue(tok):
            if tok.dep_ == "xcomp" and is_weak(tok.lemma_):
                continue  # "wants to continue talks"
            speaker = subject_of(tok)
            if speaker is None or quote_at(speaker.idx + base) is not None:
                continue
            runs = content_runs(tok, speaker)
            cue = _cue_text(tok)
        else:
            continue
        sent = tok.sent
        s_lo, s_hi = sent.start_char + base, sent.end_char + base
        near = [q for q in quotes if q.start < s_hi and q.end > s_lo and q.start not in claimed]
        # "He said:" closing a sentence or paragraph: the quotation that follows is his.
        if not near and sent.text.rstrip().endswith(":"):
            after = [q for q in quotes if q.start >= s_hi - 1 and q.start not in claimed
                     and not text[s_hi:q.start].strip()]
            near = after[:1]
        # The full stop ending the reporting sentence is no part of what was said.
        runs = [(a, b - 1 if b > a and doc[b].text in (".", ";") else b) for a, b in runs]
        spans = [_trim(text, doc[a].idx + base, doc[b].idx + len(doc[b]) + base) for a, b in runs]
        spans = [(a, b) for a, b in spans if b > a]
        content_len = sum(b - a for a, b in spans)
        inside = sum(min(b, q.content_end) - max(a, q.content_start)
                     for a, b in spans for q in near
                     if min(b, q.content_end) > max(a, q.content_start))
        if near and (not spans or inside >= 0.6 * content_len):
            for q in near:
                claimed.add(q.start)
                out.append(Candidate(q.content_start, q.content_end, "direct", cue, speaker))
            continue
        if not spans or (is_weak(tok.lemma_) and not near and cue != "according to"
                         and not any(c.dep_ == "ccomp" for c in tok.children)):
            continue
        for a, b in spans:
            for q in near:  # a partial quotation inside: take it whole
                if q.start < b and q.end > a:
                    a, b = min(a, q.content_start), max(b, q.content_end)
                    claimed.add(q.start)
            kind = "mixed" if any(q.start < b and q.end > a for q in quotes) else "indirect"
            out.append(Candidate(a, b, kind, cue, speaker))
    return out


_NOT_SPEAKERS = {"it", "this", "that", "there", "which", "what", "these", "those", "all"}


def _lead_in(doc, base: int, q: QuoteSpan, quotes: list[QuoteSpan]):
    """Give (subject, verb) of the clause right before a quotation in its paragraph
    ("Hannity interjected: “...”", "Bystrom agreed. “...”"), or None."""
    before = [t for t in doc if t.idx + base < q.start]
    if not before:
        return None
    last = before[-1]
    gap = doc.text[last.idx + len(last):q.start - base]
    if gap.strip() or not (last.is_punct or last.is_alpha):
        return None
    root = last.sent.root
    if root.pos_ not in ("VERB", "AUX") or any(x.start <= root.idx + base < x.end for x in quotes):
        return None
    subj = subject_of(root)
    if subj is None or subj.lower_ in _NOT_SPEAKERS or subj.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    if any(x.start <= subj.idx + base < x.end for x in quotes):
        return None
    return subj, root


def leftover_quotes(text: str, quotes: list[QuoteSpan], taken: list[Candidate],
                    para_lo: int, para_hi: int, doc=None, all_quotes=()) -> list[Candidate]:
    """Give the quotations no cue claimed that read as someone's words, not a scare quote."""
    out = []
    for q in quotes:
        if any(c.start <= q.content_start and q.content_end <= c.end for c in taken):
            continue
        if any(c.start == q.content_start for c in taken):
            continue
        inner = text[q.content_start:q.content_end]
        words = len(inner.split())
        # Text around the quotation in its paragraph: a quotation that stands on its own
        # (a sentence or more) is somebody's words; a few quoted words inside a sentence are
        # a title or a scare quote.
        outside = (text[para_lo:q.start] + " " + text[q.end:min(para_hi, q.end + 200)]).strip()
        stands_alone = (words >= 4 and inner.rstrip()[-1:] in ".?!…"
                        ) or (words >= 8 and len(outside.split()) <= 3)
        if stands_alone or words >= 12:
            lead = _lead_in(doc, para_lo, q, list(all_quotes)) if doc is not None else None
            if lead is not None:
                out.append(Candidate(q.content_start, q.content_end, "direct", lead[1].text,
                                     lead[0]))
            else:
                out.append(Candidate(q.content_start, q.content_end, "direct", "", None, True))
    return out
