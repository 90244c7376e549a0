"""Statements in news articles: direct quotes, reported speech and mixed quotes, with speakers.

`extract_many` is the pipeline, stage by stage: quotation marks are found on the raw text (so
offsets never shift); only the pieces that can hold a statement (a quotation mark or a
speech-cue word) are parsed, in batches; candidates are found in each piece; NER names the
speaker phrases; overlapping candidates give way; speakers are resolved in the article; two
characterising acts of one mention are joined.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import NamedTuple

from newsquotes.extract.cued import paragraph_candidates
from newsquotes.extract.cueless import (
    colon_candidates,
    colon_lead,
    credit_at,
    credit_candidates,
    issue_lead,
    issued_before,
    leftover_quotes,
    link_caption,
)
from newsquotes.extract.cues import has_cue, lemma_of
from newsquotes.extract.limits import (
    FAILED,
    MAX_PARSED_CHARS,
    MAX_PIECE_CHARS,
    MAX_QUOTE_CHARS,
    MAX_QUOTES,
    MAX_SENTENCE_CHARS,
    MAX_STATEMENTS,
    MAX_TEXT_CHARS,
    QUOTE_TOO_LONG,
    SENTENCE_TOO_LONG,
    TOO_MANY_QUOTES,
    TOO_MANY_STATEMENTS,
    TOO_MUCH_TEXT,
)
from newsquotes.extract.quotemarks import (
    QUOTE_CHARS,
    QuoteSpan,
    find_quotes,
    for_parser,
    overlapping,
    paragraphs,
)
from newsquotes.extract.speech import Candidate
from newsquotes.lexicon.speech import OWN_WORDS_VERBS
from newsquotes.lexicon.tags import TAG_POS
from newsquotes.records import Statement
from newsquotes.speakers.cast import build_cast
from newsquotes.speakers.resolver import Resolver

EXTRACTOR_VERSION = "quotes-11"

log = logging.getLogger(__name__)

# Text is parsed without NER, which costs as much as the parser on long text (NER then runs
# only on the short speaker phrases, see name_speakers), and without the attribute ruler and
# lemmatizer, which cost a third of the pipeline's time: word classes come from the tagger's
# Penn tags (TAG_POS) and lemmas from the cue lexicon (_annotate).
_DISABLE: tuple[str, ...] = ("ner", "attribute_ruler", "lemmatizer")
_NER_DISABLE = ("tagger", "parser", "attribute_ruler", "lemmatizer")
# Longest speaker phrase handed to NER, in tokens (appositions and relative clauses beyond
# this add cost, not names).
_PHRASE_TOKENS = 16
# A sentence ends at . ! ? or … (and any closing marks) followed by space and a capital or an
# opening mark.
_SENT_END = re.compile(r"[.!?…][”\"’']*\s+(?=[A-Z“\"‘'«(])")


class Span(NamedTuple):
    """A stretch text[start:end] of an article."""

    start: int
    end: int


@dataclass(frozen=True)
class PieceCandidates:
    """One parsed piece of an article (a spaCy Doc) and the statements found in it."""

    doc: object
    candidates: list[Candidate]


class Extraction(NamedTuple):
    """One text's statements, and the flags of the bounds its extraction reached."""

    statements: list[Statement]
    flags: list[str]


def extract_texts(texts: Iterable[str]) -> list[Extraction]:
    """Give the statements and flags of each text, parsing all texts' pieces in batches."""
    flags: list[set[str]] = []
    texts = [_clipped(t, flags) for t in texts]
    quotes = [bounded(find_quotes(t), flags[ti]) for ti, t in enumerate(texts)]
    pieces = [statement_pieces(t, quotes[ti], flags[ti]) for ti, t in enumerate(texts)]
    docs = parse(texts, pieces)
    found = [_guarded(flags[ti], find_candidates, texts[ti], quotes[ti], docs[ti])
             for ti in range(len(texts))]
    name_speakers([piece for f in found if f for piece in f])
    said = [_guarded(flags[ti], attribute, texts[ti], quotes[ti], found[ti])
            if found[ti] is not None
            else None for ti in range(len(texts))]
    return [Extraction(at_most(s or [], MAX_STATEMENTS, TOO_MANY_STATEMENTS, f), sorted(f))
            for s, f in zip(said, flags, strict=True)]


def extract_many(texts: Iterable[str]) -> list[list[Statement]]:
    """Give the statements of each text."""
    return [found.statements for found in extract_texts(texts)]


def attribute(text: str, quotes: list[QuoteSpan], found: list[PieceCandidates]
              ) -> list[Statement]:
    """Give one article's statements: candidates without overlaps, speakers resolved in the
    article, characterising acts joined."""
    issued_before(text, found)
    chosen = overlap_free([c for piece in found for c in piece.candidates])
    cast = build_cast(text, [piece.doc for piece in found],
                      [c.speaker for c in chosen if c.speaker is not None])
    return join_acts(text, resolve(text, Resolver(cast, quotes), chosen))


def _guarded(flags: set[str], stage: Callable, *args):
    """Give stage(*args), or None with a flag and a warning: one odd article must not stop a
    batch."""
    try:
        return stage(*args)
    except Exception as exc:
        log.warning("extraction failed: %s", exc)
        flags.add(FAILED)
        return None


def _clipped(text: str, flags: list[set[str]]) -> str:
    """Give the first MAX_TEXT_CHARS characters of `text` (a prefix: offsets stay valid), and
    append its flags to `flags`."""
    flags.append(set())
    if len(text) > MAX_TEXT_CHARS:
        flags[-1].add(TOO_MUCH_TEXT)
        return text[:MAX_TEXT_CHARS]
    return text


def at_most(items: list, most: int, flag: str, flags: set[str]) -> list:
    """Give the first `most` items, adding `flag` to `flags` when some are left out."""
    if len(items) > most:
        flags.add(flag)
        return items[:most]
    return items


def bounded(quotes: list[QuoteSpan], flags: set[str]) -> list[QuoteSpan]:
    """Give the quotations within the bounds: none longer than MAX_QUOTE_CHARS, at most
    MAX_QUOTES."""
    kept = [q for q in quotes if q.end - q.start <= MAX_QUOTE_CHARS]
    if len(kept) < len(quotes):
        flags.add(QUOTE_TOO_LONG)
    return at_most(kept, MAX_QUOTES, TOO_MANY_QUOTES, flags)


def load_parser(disable: tuple[str, ...] = _DISABLE):
    """Give the spaCy pipeline that parses pieces (or, with `disable`, another cut of it)."""
    from newsquotes.nlp import load_model

    return load_model(disable=disable)


def sentences(text: str, lo: int, hi: int, quotes: list[QuoteSpan]) -> list[Span]:
    """Give the sentences of text[lo:hi], never cut inside a quotation."""
    cuts = [lo]
    for m in _SENT_END.finditer(text, lo, hi):
        word = text[max(lo, m.start() - 12):m.start()].split()[-1:] or [""]
        if text[m.start()] == "." and (len(word[0]) <= 3 and word[0][:1].isupper()
                                       or "." in word[0]):
            continue  # "Mr.", "Sen.", "J.", "U.S." end no sentence
        if not any(q.start < m.end() < q.end for q in quotes):
            cuts.append(m.end())
    cuts.append(hi)
    return [Span(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if text[a:b].strip()]


def statement_pieces(text: str, quotes: list[QuoteSpan], flags: set[str] | None = None
                     ) -> list[Span]:
    """Give the runs of sentences of `text` that may hold a statement: a speech cue, a
    quotation opening, or the lead-in right before a quotation (no sentence longer than
    MAX_SENTENCE_CHARS, no piece longer than MAX_PIECE_CHARS, MAX_PARSED_CHARS in all)."""
    flags = set() if flags is None else flags
    out: list[Span] = []
    credits = {credit_at(text, q) for q in quotes} - {None}
    for p_lo, p_hi in paragraphs(text):
        around = overlapping(quotes, p_lo, p_hi)
        if around and around[0].start < p_lo and p_hi <= around[0].end:
            continue  # wholly inside a quotation that opened in an earlier paragraph
        if link_caption(text[p_lo:p_hi]):
            continue
        sents = sentences(text, p_lo, p_hi, quotes)
        if any(b - a > MAX_SENTENCE_CHARS for a, b in sents):
            flags.add(SENTENCE_TOO_LONG)
            sents = [s for s in sents if s.end - s.start <= MAX_SENTENCE_CHARS]
        opens = [any(a <= q.start < b for q in overlapping(around, a, b)) for a, b in sents]
        keep = [opens[i] or has_cue(text[a:b]) or (i + 1 < len(sents) and opens[i + 1])
                or (i == 0 and colon_lead(text, a, b) is not None)
                or (i == 0 and any(a <= c < b for c in credits)) or issue_lead(text, a, b, quotes)
                for i, (a, b) in enumerate(sents)]
        runs: list[list[int]] = []
        for (a, b), k in zip(sents, keep, strict=True):
            if not k:
                continue
            if runs and not text[runs[-1][1]:a].strip():
                runs[-1][1] = b
            else:
                runs.append([a, b])
        for lo, hi in runs:
            out.extend(split_long(text, lo, hi))
    return _within_budget(out, flags)


def _within_budget(pieces: list[Span], flags: set[str]) -> list[Span]:
    """Give the first pieces that hold MAX_PARSED_CHARS characters in all."""
    total = 0
    for i, (lo, hi) in enumerate(pieces):
        total += hi - lo
        if total > MAX_PARSED_CHARS:
            flags.add(TOO_MUCH_TEXT)
            return pieces[:i]
    return pieces


def split_long(text: str, lo: int, hi: int, most: int = MAX_PIECE_CHARS) -> list[Span]:
    """Give text[lo:hi] in pieces of at most `most` characters, cut after a full stop."""
    out = []
    while hi - lo > most:
        cut = text.rfind(". ", lo, lo + most)
        cut = cut + 1 if cut > lo else lo + most
        out.append(Span(lo, cut))
        lo = cut
    out.append(Span(lo, hi))
    return out


def parse(texts: list[str], pieces: list[list[Span]]) -> list[list]:
    """Give the parsed pieces (spaCy Docs) of each text, marks the parser misreads replaced one
    for one; each Doc's `user_data` holds where its piece lies in the text ("base", "end"):
    Doc.text joins every token anew on each read."""
    jobs = [(ti, lo, hi) for ti, spans in enumerate(pieces) for lo, hi in spans]
    docs: list[list] = [[] for _ in texts]
    if not jobs:
        return docs
    nlp = load_parser()
    stream = nlp.pipe(((for_parser(texts[ti][lo:hi]), (ti, lo, hi)) for ti, lo, hi in jobs),
                      as_tuples=True, batch_size=64)
    for doc, (ti, lo, hi) in stream:
        doc.user_data["base"], doc.user_data["end"] = lo, hi
        _annotate(doc)
        docs[ti].append(doc)
    return docs


def _annotate(doc) -> None:
    """Set each token's word class from its Penn tag, and the lemma of speech-cue forms."""
    for tok in doc:
        tok.pos_ = TAG_POS.get(tok.tag_, "PUNCT" if tok.is_punct else "X")
        tok.lemma_ = lemma_of(tok.lower_)


def find_candidates(text: str, quotes: list[QuoteSpan], docs: list) -> list[PieceCandidates]:
    """Give each parsed piece of one article with the statements found in it."""
    found = []
    for doc in docs:
        lo, hi = doc.user_data["base"], doc.user_data["end"]
        local = overlapping(quotes, lo, hi)
        cands = paragraph_candidates(doc, lo, text, quotes)
        cands += colon_candidates(doc, lo, text, quotes)
        cands += credit_candidates(doc, lo, text, quotes)
        cands += leftover_quotes(text, [q for q in local if q.start >= lo], cands, lo, hi,
                                 doc, quotes)
        found.append(PieceCandidates(doc, cands))
    return found


def name_speakers(found: list[PieceCandidates]) -> None:
    """Set named entities on the pieces' docs, from NER over the speaker phrases only."""
    phrases = {}
    for piece in found:
        doc = piece.doc
        for c in piece.candidates:
            if c.speaker is None or c.speaker.doc is not doc:
                continue
            lo = c.speaker.left_edge.i
            hi = min(c.speaker.right_edge.i + 1, lo + _PHRASE_TOKENS, len(doc))
            # Only phrases with a capitalised word can hold a name or a nationality ("he",
            # "the official" cannot; "the Russian foreign minister" can).
            if any(t.pos_ == "PROPN" or (t.i > lo and t.text[:1].isupper()) for t in doc[lo:hi]):
                phrases[(id(doc), lo)] = (doc, lo, hi)
    if not phrases:
        return
    items = list(phrases.values())
    ner = load_parser(_NER_DISABLE)
    ents: dict[int, list] = {}
    texts = (doc[lo:hi].text for doc, lo, hi in items)
    for (doc, lo, _hi), small in zip(items, ner.pipe(texts, batch_size=256), strict=True):
        at = doc[lo].idx
        for e in small.ents:
            span = doc.char_span(at + e.start_char, at + e.end_char, label=e.label_)
            if span is not None:
                ents.setdefault(id(doc), []).append(span)
    for piece in found:
        _set_ents(piece.doc, ents.get(id(piece.doc), []))


def _set_ents(doc, found: list) -> None:
    """Set the entities `found` on `doc`, the earlier of two overlapping ones kept."""
    spans, taken = [], set()
    for span in sorted(found, key=lambda s: s.start):
        if not taken & set(range(span.start, span.end)):
            spans.append(span)
            taken |= set(range(span.start, span.end))
    if spans:
        doc.set_ents(spans)


def overlap_free(cands: list[Candidate]) -> list[Candidate]:
    """Give the candidates with no two overlapping: direct quotes first, then longer spans."""
    rank = {"direct": 0, "mixed": 1, "indirect": 2}
    chosen: list[Candidate] = []  # in text order, never overlapping
    for c in sorted(cands, key=lambda c: (rank[c.kind], c.follows, -(c.end - c.start))):
        i = bisect_right(chosen, c.start, key=lambda o: o.start)
        # only the neighbours can overlap: the one starting before c, the one after
        if (i == 0 or chosen[i - 1].end <= c.start) and (
                i == len(chosen) or c.end <= chosen[i].start):
            chosen.insert(i, c)
    return chosen


def resolve(text: str, resolver: Resolver, cands: list[Candidate]) -> list[Statement]:
    """Give the statements with speakers resolved, in text order (a quotation no one is
    found to have said is left out)."""
    out = []
    for c in cands:
        said = (resolver.nobody(*c.headline, c.end) if c.headline
                else resolver.attribute(c.speaker, c.start, c.end))
        if said is None:
            continue
        who, mention = said.speaker, said.mention
        out.append(Statement(
            start=c.start, end=c.end, text=text[c.start:c.end], kind=c.kind, cue=c.cue,
            speaker=who.name, speaker_mention=mention.text, speaker_mention_start=mention.start,
            speaker_mention_end=mention.end, speaker_type=who.type, role=who.role,
            affiliation=who.affiliation,
        ))
    return out


# Between two acts of one speaker in one clause: "... as “difficult” and accused ...".
_AND_ACT = re.compile(r"[”\"’]?\s+and\s+\w+\s+")


def own_words(cue: str) -> bool:
    """Give True for a cue that reports words of the speaker's own ("said", "warned")."""
    return lemma_of(cue) in OWN_WORDS_VERBS


def join_acts(text: str, found: list[Statement]) -> list[Statement]:
    """Give the statements with two characterising acts of one mention, joined by
    "and <verb>", made one ("described it as “hard” and accused them of delay"; never
    "said it was hard and thanked them": what was said stays a statement of its own)."""
    out: list[Statement] = []
    for s in found:
        prev = out[-1] if out else None
        if (prev is not None and s.speaker_mention_start is not None
                and prev.speaker_mention_start == s.speaker_mention_start
                and not own_words(prev.cue) and not own_words(s.cue)
                and _AND_ACT.fullmatch(text, prev.end, s.start)):
            kind = prev.kind if prev.kind == s.kind else "mixed"
            out[-1] = replace(prev, end=s.end, text=text[prev.start:s.end], kind=kind)
        else:
            out.append(s)
    return out


def extract_statements(text: str) -> list[Statement]:
    """Give the statements in one article body, each with its speaker resolved in the article."""
    return extract_many([text])[0]


__all__ = ["EXTRACTOR_VERSION", "Extraction", "extract_many", "extract_statements", "extract_texts",
           "QUOTE_CHARS"]
