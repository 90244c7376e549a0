"""Who each statement of one article is by, in text order: the speaker mention classified
against the article's `Cast`, with what the article said so far (`Discourse`) deciding what
"he", "it" and "they" refer to and who speaks a quotation with no cue of its own."""

from __future__ import annotations

from dataclasses import dataclass

from newsquotes.speakers.attribution import classify, mention_span
from newsquotes.speakers.cast import Cast
from newsquotes.speakers.registry import Speaker


@dataclass(frozen=True)
class Mention:
    """Where the article names a speaker: its words and their offsets."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Attribution:
    """A statement's speaker and the mention that gives it."""

    speaker: Speaker
    mention: Mention


@dataclass
class Discourse:
    """What one article said up to the statement being resolved."""

    # The last organisation or government and the last group that spoke, with their offsets:
    # what "it" and "they" refer to.
    last_body: tuple[int, Speaker] | None = None
    last_group: tuple[int, Speaker] | None = None
    # The last person who spoke by name, and where.
    last_person: Speaker | None = None
    last_person_at: int = -1
    # The last statement's attribution and where the statement ended.
    previous: Attribution | None = None
    previous_end: int = -1

    def named(self, who: Speaker, at: int) -> None:
        """Record that a mention at offset `at` named speaker `who`."""
        if who.name and who.type in ("organisation", "government"):
            self.last_body = (at, who)
        elif who.name and who.type == "group":
            self.last_group = (at, who)

    def spoke(self, said: Attribution, end: int) -> None:
        """Record a statement by `said` ending at offset `end`."""
        who = said.speaker
        if who.type == "person" and who.name.lower() not in ("he", "she", "i"):
            self.last_person, self.last_person_at = who, said.mention.start
        self.previous, self.previous_end = said, end


def close(text: str, end: int, start: int) -> bool:
    """Give True when a quotation at `start` can continue the statement ending at `end`."""
    gap = text[end:start]
    return gap.count("\n") <= 8 and len(gap.split()) <= 150


def sentence_subject(pronoun) -> str:
    """Give the name heading the main clause when a pronoun speaks in a clause of the same
    sentence ("Lerner blasted the plan, which he said ..."), else ""."""
    root = pronoun.sent.root
    if pronoun.lower_ not in ("he", "she") or pronoun.head == root:
        return ""
    for child in root.children:
        if child.dep_ == "nsubj" and child.pos_ == "PROPN" and child.i < pronoun.i:
            return child.text
    return ""


class Resolver:
    """Resolves the speakers of one article's statements, called in text order."""

    def __init__(self, cast: Cast) -> None:
        self.cast = cast
        self.discourse = Discourse()

    def attribute(self, head, start: int, end: int) -> Attribution | None:
        """Give the attribution of the statement text[start:end] whose speaker mention is
        headed by token `head` (None: a quotation with no cue, said by the last speaker when
        close enough); None when no one said it."""
        state = self.discourse
        if head is None:
            if state.previous is None or not close(self.cast.text, state.previous_end, start):
                return None
            said = state.previous
        else:
            said = self._named(head)
        state.spoke(said, end)
        return said

    def _named(self, head) -> Attribution:
        """Give the attribution a speaker mention headed by `head` gives."""
        names, state = self.cast.names, self.discourse
        first, final = mention_span(self.cast, head)
        base = head.doc.user_data.get("base", 0)
        m_start, m_end = first.idx + base, final.idx + len(final) + base
        ref = state.last_person
        subject = sentence_subject(head)
        named = subject or names.last_person_before(m_start)
        if named and (state.last_person is None or subject
                      or state.last_person_at < names.last_named_at(named, m_start)):
            ref = names.as_speaker(named)
        who = classify(self.cast, head, first, final, ref, state)
        state.named(who, head.idx + base)
        return Attribution(who, Mention(self.cast.text[m_start:m_end], m_start, m_end))
