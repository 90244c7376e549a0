"""Statements without a speech verb: quotations standing on their own, quotations after a
lead-in clause ("Bystrom agreed. “...”"), a colon after a name ("Name: what was said") and a
credit line after a quotation; and the link captions that are no statement.
"""

from __future__ import annotations

import re

from newsquotes.extract.cues import is_speech_lemma
from newsquotes.extract.quotemarks import QUOTE_CHARS, QuoteSpan
from newsquotes.extract.speech import Candidate, subject_of, trim
from newsquotes.lexicon.bodies import ISSUED_FORMS
from newsquotes.lexicon.labels import LINE_LABELS, LINK_LABELS, NAME_LINKS
from newsquotes.lexicon.people import NOT_SPEAKERS
from newsquotes.lexicon.speech import MEDIA_NOUNS

_LINK = re.compile(r"\s*(?:" + "|".join(LINK_LABELS) + r")\s*[:|>»-]", re.IGNORECASE)


def link_caption(line: str) -> bool:
    """Give True for a line opening a link to another page ("READ MORE: ...", "Watch: ...")."""
    return _LINK.match(line) is not None


# Most words a headline after "Name:" has.
_HEADLINE = 25
# A line (or a headline) opening with up to six words, a colon, and at least three words.
_COLON_LEAD = re.compile(r"^[ \t]*([^\n:]{2,60}?)[ \t]*:[ \t]*(?=\S)", re.MULTILINE)


def _speaker_words(prefix: str) -> bool:
    """Give True when `prefix` reads as a name, title or outlet ("Sen. Ana Pell", "Poll")."""
    words = prefix.split()
    bare = (w.lower().replace("’", "'").removesuffix("'s").strip(".,") for w in words)
    if not 1 <= len(words) <= 6 or words[0].lower() in NAME_LINKS or any(
            w in LINE_LABELS for w in bare):
        return False
    if not words[0][:1].isupper() or any(ch.isdigit() for ch in prefix):
        return False
    if len(words) == 1 and words[0].isupper() and len(words[0]) > 3:
        return False  # a dateline ("LISBON:")
    return all(w[:1].isupper() or w.lower() in NAME_LINKS or w[:1] in "(" for w in words)


def colon_lead(text: str, lo: int, hi: int) -> tuple[int, int, int] | None:
    """Give (prefix start, prefix end, content start) when the line starting at `lo` opens
    "Name: what was said" within text[lo:hi], else None."""
    m = _COLON_LEAD.match(text, lo, hi)
    if m is None or not _speaker_words(m.group(1)):
        return None
    end = text.find("\n", m.end(), hi)
    rest = text[m.end():hi if end < 0 else end]
    # A headline or a quotation; a long plain line after a colon is a subheading's text.
    words = len(rest.split())
    if words < 3 or not (rest[:1] in QUOTE_CHARS or rest[:1].isupper() and words <= _HEADLINE):
        return None
    return m.start(1), m.start(1) + len(m.group(1)), m.end()


# A credit line after a quotation: a dash, then a capitalised word ("— Sen. Ana Pell, ...").
_CREDIT = re.compile(r"\s*[-—–―][ \t]*(?=[A-Z])")
# Most words a credit line has.
_CREDIT_WORDS = 12


def credit_at(text: str, q: QuoteSpan) -> int | None:
    """Give where the name of a short credit line after the quotation `q` starts, the
    quotation opening its line ("“...” — Ana Pell, mayor"; "-Ana Pell, Kessin" on the line
    after), else None: not a dash inside a sentence, nor a byline after a sentence."""
    m = _CREDIT.match(text, q.end)
    if m is None or text.count("\n", q.end, m.end()) > 2:
        return None
    line_lo = text.rfind("\n", 0, q.start) + 1
    line_hi = text.find("\n", m.end())
    credit = text[m.end():] if line_hi < 0 else text[m.end():line_hi]
    if text[line_lo:q.start].strip() or len(credit.split()) > _CREDIT_WORDS:
        return None
    return m.end()


def credit_candidates(doc, base: int, text: str, quotes: list[QuoteSpan]) -> list[Candidate]:
    """Give the statements of the quotations whose credit line opens in this piece."""
    out = []
    lo, hi = base, doc.user_data["end"]
    for q in quotes:
        at = credit_at(text, q) if lo - 400 <= q.end <= hi else None
        if at is None or not lo <= at < hi:
            continue
        names = []  # the capitalised run after the dash, up to a comma: the name
        for t in (t for t in doc if t.idx + base >= at):
            if t.text == "," or not (t.text[:1].isupper() or t.text == "."):
                break
            names.append(t)
        names = [t for t in names if t.tag_ in ("NNP", "NNPS")]
        if names:
            out.append(Candidate(q.content_start, q.content_end, "direct", "—", names[-1]))
    return out


def colon_candidates(doc, base: int, text: str, quotes: list[QuoteSpan]) -> list[Candidate]:
    """Give the statements of lines that open "Name: what was said" in one parsed piece."""
    lo, hi = base, doc.user_data["end"]
    lead = colon_lead(text, lo, hi) if lo == 0 or text[lo - 1] == "\n" else None
    if lead is None:
        return []
    p_lo, p_hi, c_lo = lead
    if any(q.start < p_hi and q.end > p_lo for q in quotes):
        return []
    names = []  # the first run of capitalised words names the speaker
    for t in (t for t in doc if p_lo <= t.idx + base < p_hi):
        if t.text[:1].isupper() and not t.is_punct:
            names.append(t)
        elif names:
            break
    if not names or names[-1].tag_ not in ("NNP", "NNPS"):
        return []
    q = next((q for q in quotes if q.start == c_lo), None)
    if q is not None:
        return [Candidate(q.content_start, q.content_end, "direct", ":", names[-1])]
    end = text.find("\n", c_lo, hi)
    a, b = c_lo, hi if end < 0 else end
    while b > a and text[b - 1] in " \t\r.":
        b -= 1
    kind = "mixed" if any(q.start < b and q.end > a for q in quotes) else "indirect"
    return [Candidate(a, b, kind, ":", names[-1])]


def _lead_in(text: str, doc, base: int, q: QuoteSpan, quotes: list[QuoteSpan]):
    """Give (subject, verb) of the clause right before a quotation in its paragraph
    ("Hannity interjected: “...”", "Bystrom agreed. “...”"), or None."""
    before = [t for t in doc if t.idx + base < q.start]
    if not before:
        return None
    last = before[-1]
    gap = text[base + last.idx + len(last):q.start]
    if gap.strip() or not (last.is_punct or last.is_alpha):
        return None
    root = last.sent.root
    if any(x.start <= root.idx + base < x.end for x in quotes):
        # the parse runs the lead-in into the quotation ("Pell shot back, “...”"): the
        # lead-in's own verb is the last before the quotation
        root = next((t for t in reversed(before) if t.sent == last.sent and t.pos_ == "VERB"
                     and t.dep_ != "xcomp"), root)
    # "Boos rained down ..., and the crowd reprised the chant “...”": the clause nearest the
    # quotation, with a subject of its own, leads it in (after a speech verb the quotation
    # may be what it reports: "X says that ..., but Y is giving them “...”")
    root = root if is_speech_lemma(root.lemma_) else next(
        (t for t in reversed(before) if t.sent == last.sent and t.pos_ == "VERB"
         and t.dep_ == "conj" and t.head == root
         and any(c.dep_ == "nsubj" for c in t.children)), root)
    if root.pos_ not in ("VERB", "AUX") or any(x.start <= root.idx + base < x.end for x in quotes):
        return None
    if root.idx + base > q.start:  # "- “...?” - voters said ...": a verb after it leads nothing in
        return None
    subj = subject_of(root)
    if subj is None or subj.lower_ in NOT_SPEAKERS or subj.pos_ not in ("PROPN", "NOUN", "PRON"):
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
            lead = (_lead_in(text, doc, para_lo, q, list(all_quotes)) if doc is not None
                    else None)
            if _in_capitals(text[para_lo:q.start]):
                # "UN: PEACEKEEPERS PAYING ... “...” [WaPo.]": a digest's headline and the
                # excerpt of the story it links, no one's words (the headline's subject none)
                head = trim(text, para_lo, q.start)
                out.append(Candidate(q.content_start, q.content_end, "direct", "", None,
                                     headline=head))
            elif lead is not None:
                out.append(Candidate(q.content_start, q.content_end, "direct", lead[1].text,
                                     lead[0]))
            else:
                out.append(Candidate(q.content_start, q.content_end, "direct", "", None, True))
    return out


def _in_capitals(text: str) -> bool:
    """Give True for a headline set in capitals: three words or more, every one in capitals."""
    words = re.findall(r"[^\W\d_]+", text)
    return len(words) >= 3 and all(w.isupper() for w in words)


_ISSUED = re.compile(r"\b(?:" + "|".join(sorted(ISSUED_FORMS)) + r")\b")


def issue_lead(text: str, lo: int, hi: int, quotes: list[QuoteSpan]) -> bool:
    """Give True for a sentence text[lo:hi] saying something was issued ("the party issued a
    statement") right before a paragraph opening with a quotation."""
    if _ISSUED.search(text, lo, hi) is None:
        return False
    at = hi + len(text[hi:hi + 20]) - len(text[hi:hi + 20].lstrip())
    return "\n" in text[hi:at + 1] and any(q.start == at for q in quotes)


def issued_before(text: str, pieces: list) -> None:
    """Give a quotation with no cue of its own that opens the paragraph after "the party issued
    a statement ..." the one who issued it as speaker (`pieces`: the article's parsed pieces
    with their candidates, in order; changed in place)."""
    for prev, piece in zip(pieces, pieces[1:], strict=False):
        end = prev.doc.user_data["end"]
        for c in piece.candidates:
            if not c.follows or text[end:c.start].strip(" \t\r\n" + "".join(QUOTE_CHARS)):
                continue
            last = list(prev.doc.sents)[-1]
            issued = [t.head for t in last if t.lower_ in MEDIA_NOUNS and t.dep_ == "dobj"
                      and t.head.lower_ in ISSUED_FORMS]
            who = [s for v in issued[-1:] for s in v.children if s.dep_ == "nsubj"
                   and s.pos_ in ("PROPN", "NOUN")]
            if who:
                c.speaker, c.cue, c.follows = who[0], issued[-1].text, False
