"""Statements in news articles: direct quotes, reported speech and mixed quotes, with speakers.

Only the paragraphs that can hold a statement (a quotation mark or a speech-cue word) are
parsed, in batches; quotation marks are found on the raw text, so offsets never shift.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import replace

from newsquotes.extract.cueless import colon_candidates, colon_lead, leftover_quotes
from newsquotes.extract.cues import has_cue, lemma_of
from newsquotes.extract.quotemarks import QUOTE_CHARS, QuoteSpan, find_quotes, paragraphs
from newsquotes.extract.speech import Candidate, paragraph_candidates
from newsquotes.lexicon.speech import OWN_WORDS_VERBS
from newsquotes.lexicon.tags import TAG_POS
from newsquotes.records import Statement
from newsquotes.speakers.attribution import Cast, Speaker, classify, mention_span

EXTRACTOR_VERSION = "quotes-4"

log = logging.getLogger(__name__)

# Text is parsed without NER, which costs as much as the parser on long text (NER then runs
# only on the short speaker phrases, see _name_speakers), and without the attribute ruler and
# lemmatizer, which cost a third of the pipeline's time: word classes come from the tagger's
# Penn tags (TAG_POS) and lemmas from the cue lexicon (_annotate).
_DISABLE: tuple[str, ...] = ("ner", "attribute_ruler", "lemmatizer")
_NER_DISABLE = ("tagger", "parser", "attribute_ruler", "lemmatizer")
# Longest speaker phrase handed to NER, in tokens (appositions and relative clauses beyond
# this add cost, not names).
_PHRASE_TOKENS = 16
# Paragraphs longer than this are parsed in pieces (spaCy's cost grows with length).
_MAX_PIECE = 20_000
# A sentence ends at . ! ? or … (and any closing marks) followed by space and a capital or an
# opening mark.
_SENT_END = re.compile(r"[.!?…][”\"’']*\s+(?=[A-Z“\"‘'«(])")


def load_parser(disable: tuple[str, ...] = _DISABLE):
    from newsquotes.nlp import load_model

    return load_model(disable=disable)


def _annotate(doc) -> None:
    """Set each token's word class from its Penn tag, and the lemma of speech-cue forms."""
    for tok in doc:
        tok.pos_ = TAG_POS.get(tok.tag_, "PUNCT" if tok.is_punct else "X")
        tok.lemma_ = lemma_of(tok.lower_)


def _name_speakers(found: list[tuple[object, list[Candidate]]]) -> None:
    """Set named entities on the paragraph docs, from NER over the speaker phrases only."""
    phrases = {}
    for doc, cands in found:
        for c in cands:
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
    for doc, _ in found:
        spans, taken = [], set()
        for span in sorted(ents.get(id(doc), []), key=lambda s: s.start):
            if not taken & set(range(span.start, span.end)):
                spans.append(span)
                taken |= set(range(span.start, span.end))
        if spans:
            doc.set_ents(spans)


def _sentences(text: str, lo: int, hi: int, quotes: list[QuoteSpan]) -> list[tuple[int, int]]:
    """Give the (start, end) of the sentences of text[lo:hi], never cut inside a quotation."""
    cuts = [lo]
    for m in _SENT_END.finditer(text, lo, hi):
        word = text[max(lo, m.start() - 12):m.start()].split()[-1:] or [""]
        if text[m.start()] == "." and (len(word[0]) <= 3 and word[0][:1].isupper()
                                       or "." in word[0]):
            continue  # "Mr.", "Sen.", "J.", "U.S." end no sentence
        if not any(q.start < m.end() < q.end for q in quotes):
            cuts.append(m.end())
    cuts.append(hi)
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if text[a:b].strip()]


def _pieces(text: str, quotes: list[QuoteSpan]) -> list[tuple[int, int]]:
    """Give the (start, end) of the runs of sentences of `text` that may hold a statement:
    a speech cue, a quotation opening, or the lead-in right before a quotation."""
    out = []
    for p_lo, p_hi in paragraphs(text):
        if any(q.start < p_lo and p_hi <= q.end for q in quotes):
            continue  # wholly inside a quotation that opened in an earlier paragraph
        sents = _sentences(text, p_lo, p_hi, quotes)
        opens = [any(a <= q.start < b for q in quotes) for a, b in sents]
        keep = [opens[i] or has_cue(text[a:b]) or (i + 1 < len(sents) and opens[i + 1])
                or (i == 0 and colon_lead(text, a, b) is not None)
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
            out.extend(_split_long(text, lo, hi))
    return out


def _split_long(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Give text[lo:hi] in pieces of at most _MAX_PIECE characters, cut after a full stop."""
    out = []
    while hi - lo > _MAX_PIECE:
        cut = text.rfind(". ", lo, lo + _MAX_PIECE)
        cut = cut + 1 if cut > lo else lo + _MAX_PIECE
        out.append((lo, cut))
        lo = cut
    out.append((lo, hi))
    return out


def _overlap_free(cands: list[Candidate]) -> list[Candidate]:
    """Give the candidates with no two overlapping: direct quotes first, then longer spans."""
    rank = {"direct": 0, "mixed": 1, "indirect": 2}
    chosen: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (rank[c.kind], c.follows, -(c.end - c.start))):
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def _close(text: str, end: int, start: int) -> bool:
    """Give True when a quotation at `start` can continue the statement ending at `end`."""
    gap = text[end:start]
    return gap.count("\n") <= 8 and len(gap.split()) <= 150


def _sentence_subject(pronoun) -> str:
    """Give the name heading the main clause when a pronoun speaks in a clause of the same
    sentence ("Lerner blasted the plan, which he said ..."), else ""."""
    root = pronoun.sent.root
    if pronoun.lower_ not in ("he", "she") or pronoun.head == root:
        return ""
    for child in root.children:
        if child.dep_ == "nsubj" and child.pos_ == "PROPN" and child.i < pronoun.i:
            return child.text
    return ""


def cast_pos(cast: Cast, name: str, before: int) -> int:
    """Give the offset of the last mention of person `name` before `before`."""
    return max((at for at, n in cast.seen if at < before and cast.full_name(n) == name),
               default=-1)


def _resolve(text: str, cast: Cast, cands: list[Candidate]) -> list[Statement]:
    """Give the statements with speakers resolved, in text order."""
    # Who is quoted by name decides ties between people sharing a role.
    for c in cands:
        if c.speaker is not None:
            cast.learn_speaker(c.speaker)
    for c in cands:
        if c.speaker is not None and c.speaker.pos_ == "PROPN":
            p = cast.person(cast.full_name(c.speaker.text))
            if p is not None:
                p.quoted += 1
    last: Speaker | None = None
    last_at = -1
    prev: tuple[Speaker, tuple[str, int | None, int | None], int] | None = None
    out = []
    for c in cands:
        if c.speaker is not None:
            first, final = mention_span(cast, c.speaker)
            base = c.speaker.doc.user_data.get("base", 0)
            m_start, m_end = first.idx + base, final.idx + len(final) + base
            ref = last
            named = _sentence_subject(c.speaker) or cast.last_person_before(m_start)
            if named and (last is None or last_at < cast_pos(cast, named, m_start)
                          or _sentence_subject(c.speaker)):
                ref = Speaker(named, "person")
                p = cast.person(named)
                if p is not None:
                    ref = Speaker(named, "person", p.role, p.affiliation)
            who = classify(cast, c.speaker, first, final, ref)
            mention = (text[m_start:m_end], m_start, m_end)
        elif prev is not None and _close(text, prev[2], c.start):
            who, mention = prev[0], prev[1]
        else:
            continue
        if who.type == "person" and who.name.lower() not in ("he", "she", "i"):
            last, last_at = who, mention[1] if mention[1] is not None else c.start
        prev = (who, mention, c.end)
        out.append(Statement(
            start=c.start, end=c.end, text=text[c.start:c.end], kind=c.kind, cue=c.cue,
            speaker=who.name, speaker_mention=mention[0], speaker_mention_start=mention[1],
            speaker_mention_end=mention[2], speaker_type=who.type, role=who.role,
            affiliation=who.affiliation,
        ))
    return _join_acts(text, out)


# Between two acts of one speaker in one clause: "... as “difficult” and accused ...".
_AND_ACT = re.compile(r"[”\"’]?\s+and\s+\w+\s+")
def _own_words(cue: str) -> bool:
    """Give True for a cue that reports words of the speaker's own ("said", "warned")."""
    return lemma_of(cue) in OWN_WORDS_VERBS


def _join_acts(text: str, found: list[Statement]) -> list[Statement]:
    """Give the statements with two characterising acts of one mention, joined by
    "and <verb>", made one ("described it as “hard” and accused them of delay"; never
    "said it was hard and thanked them": what was said stays a statement of its own)."""
    out: list[Statement] = []
    for s in found:
        prev = out[-1] if out else None
        if (prev is not None and s.speaker_mention_start is not None
                and prev.speaker_mention_start == s.speaker_mention_start
                and not _own_words(prev.cue) and not _own_words(s.cue)
                and _AND_ACT.fullmatch(text, prev.end, s.start)):
            kind = prev.kind if prev.kind == s.kind else "mixed"
            out[-1] = replace(prev, end=s.end, text=text[prev.start:s.end], kind=kind)
        else:
            out.append(s)
    return out


def _candidates(text: str, quotes: list[QuoteSpan], docs: list) -> list[tuple[object, list]]:
    """Give each parsed piece of one article with the statements found in it."""
    found = []
    for doc in docs:
        base = doc.user_data["base"]
        lo, hi = base, doc.user_data["end"]
        local = [q for q in quotes if q.end > lo and q.start < hi]
        paragraph = paragraph_candidates(doc, base, text, quotes)
        paragraph += colon_candidates(doc, base, text, quotes)
        paragraph += leftover_quotes(text, [q for q in local if q.start >= lo], paragraph, lo, hi,
                                     doc, quotes)
        found.append((doc, paragraph))
    return found


def _article(text: str, found: list[tuple[object, list]], docs: list) -> list[Statement]:
    """Give one article's statements, speakers resolved (NER already set on `docs`)."""
    cast = Cast(text)
    cast.scan()
    for doc in docs:
        cast.learn(doc, doc.user_data["base"])
    cands = [c for _, paragraph in found for c in paragraph]
    return _resolve(text, cast, _overlap_free(cands))


def extract_many(texts: Iterable[str]) -> list[list[Statement]]:
    """Give the statements of each text, parsing all texts' candidate paragraphs in batches."""
    texts = list(texts)
    quotes = [find_quotes(t) for t in texts]
    jobs = [(ti, lo, hi) for ti, t in enumerate(texts) for lo, hi in _pieces(t, quotes[ti])]
    docs: list[list] = [[] for _ in texts]
    if jobs:
        nlp = load_parser()
        stream = nlp.pipe(((texts[ti][lo:hi], (ti, lo, hi)) for ti, lo, hi in jobs),
                          as_tuples=True, batch_size=64)
        for doc, (ti, lo, hi) in stream:
            # Where the piece lies in its text: Doc.text joins every token anew on each read.
            doc.user_data["base"], doc.user_data["end"] = lo, hi
            _annotate(doc)
            docs[ti].append(doc)
    # One odd article must not stop a batch: it gets no statements and a warning.
    found: list[list | None] = []
    for ti, text in enumerate(texts):
        try:
            found.append(_candidates(text, quotes[ti], docs[ti]))
        except Exception as exc:
            log.warning("text %d: extraction failed: %s", ti, exc)
            found.append(None)
    _name_speakers([pair for f in found if f for pair in f])
    out = []
    for ti, text in enumerate(texts):
        try:
            out.append(_article(text, found[ti], docs[ti]) if found[ti] is not None else [])
        except Exception as exc:
            log.warning("text %d: extraction failed: %s", ti, exc)
            out.append([])
    return out


def extract_statements(text: str) -> list[Statement]:
    """Give the statements in one article body, each with its speaker resolved in the article."""
    return extract_many([text])[0]


__all__ = ["EXTRACTOR_VERSION", "extract_many", "extract_statements", "QUOTE_CHARS"]
