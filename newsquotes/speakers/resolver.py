"""Who each statement of one article is by, in text order: the speaker mention classified
against the article's `Cast`, with what the article said so far (`Discourse`) deciding what
"he", "it" and "they" refer to and who speaks a quotation with no cue of its own."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from newsquotes.lexicon.corpus_names import PARTY_NOUNS
from newsquotes.lexicon.people import ROLE_NOUNS
from newsquotes.lexicon.speech import OWN_WORD_NOUNS, WHEN_WORDS
from newsquotes.speakers.attribution import classify, mention_span
from newsquotes.speakers.cast import Cast
from newsquotes.speakers.evidence import mention_end
from newsquotes.speakers.pronouns import Antecedents
from newsquotes.speakers.registry import Speaker
from newsquotes.speakers.roles import other_role

# How many mentions back a pronoun's antecedent is looked for.
_ANTECEDENTS = 12


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
        if who.type == "person" and who.name and who.name.lower() not in ("he", "she", "i"):
            self.last_person, self.last_person_at = who, said.mention.start
        self.previous, self.previous_end = said, end


def close(text: str, end: int, start: int) -> bool:
    """Give True when a quotation at `start` can continue the statement ending at `end`."""
    gap = text[end:start]
    return gap.count("\n") <= 8 and len(gap.split()) <= 150


_BYLINE = re.compile(r"(?:by|photo|photograph|image|credit|caption)\b", re.IGNORECASE)


def credit(text: str, at: int, size: int) -> bool:
    """Give True for a name in a photo credit or a byline ("(Ana Pell/Kessin Herald)", "By Ana
    Pell", "Photo: Ana Pell"): it names who made the page, never whom "he"/"she" stands for."""
    line_start = text.rfind("\n", 0, at) + 1
    if _BYLINE.match(text, line_start) and at - line_start <= 12:
        return True
    return text[at - 1:at] == "(" and text[at + size:at + size + 1] in ("/", ")")


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


_SUBJECT_FORM = {"his": "he", "her": "she"}


def owner_pronoun(head):
    """Give the "he"/"she" token a speaker mention stands for ("he", or the owner of "his
    remarks", "her comments"), or None."""
    if head.lower_ in ("he", "she") and head.pos_ == "PRON" or (
            head.lower_ in _SUBJECT_FORM and head.dep_ == "poss"):
        return head  # "he said", or the owner of a nominal cue ("her argument that ...")
    if head.lower_ in OWN_WORD_NOUNS:
        return next((c for c in head.children
                     if c.dep_ == "poss" and c.lower_ in _SUBJECT_FORM), None)
    return None


def _definite_role(head, first) -> bool:
    """Give True for a singular role phrase opened by "the" ("the senator")."""
    return head.lower_ in ROLE_NOUNS and head.tag_ == "NN" and first.lower_ == "the"


def _placed_party(head, first) -> bool:
    """Give True for a party member named by a place ("the Arizona Republican")."""
    return (head.lower_ in PARTY_NOUNS and first.lower_ == "the" and head.i - first.i == 2
            and head.doc[first.i + 1].ent_type_ == "GPE")


class Resolver:
    """Resolves the speakers of one article's statements, called in text order."""

    def __init__(self, cast: Cast, quotes: list = ()) -> None:
        self.cast = cast
        self.discourse = Discourse()
        # (start, end) of the article's quotations: a name inside one is no antecedent
        self.quoted = sorted((q.start, q.end) for q in quotes)
        self._near: Antecedents | None = None

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

    def nobody(self, lo: int, hi: int, end: int) -> Attribution:
        """Give the attribution of a statement ending at `end` that no one the article names
        said, an excerpt under the headline text[lo:hi] (its mention): a quotation after it
        with no cue of its own is no one's either."""
        said = Attribution(Speaker("", ""), Mention(self.cast.text[lo:hi], lo, hi))
        self.discourse.spoke(said, end)
        return said

    def _antecedent(self, before: int) -> str:
        """Give the person "he"/"she" before offset `before` may stand for: the latest named
        outside a quotation whom the text gives a gender or quotes by name, else the latest
        named outside a quotation (a name in a quotation is none), or ""."""
        names, cast = self.cast.names, self.cast
        outside = []
        for at, name in names.named_before(before, _ANTECEDENTS):
            if not (self._in_quotation(at) or credit(cast.text, at, len(name))):
                outside.append(names.full_name(name))
        known = [n for n in outside if cast.genders.of(n) or cast.roles.quoted[n]]
        # of people the text says nothing more about, the latest named
        return (known or outside or [""])[0]

    def _previous_fits(self, head, nearest: str) -> bool:
        """Give True when "he"/"she" at `head` stands for the previous statement's speaker
        rather than the name nearest before it: the speaker's gender fits, the nearest name's
        does not, and the previous statement ended in this paragraph or the one before."""
        low, state = head.lower_, self.discourse
        if low not in ("he", "she") or state.last_person is None:
            return False
        genders = self.cast.genders
        at = head.idx + head.doc.user_data.get("base", 0)
        return (genders.fits(state.last_person.name, low) and not genders.fits(nearest, low)
                and self.cast.text.count("\n\n", state.previous_end, at) <= 1
                and self.cast.text.count("\n", state.previous_end, at) <= 2)

    def _named(self, head) -> Attribution:
        """Give the attribution a speaker mention headed by `head` gives."""
        first, final = mention_span(self.cast, head)
        base = head.doc.user_data.get("base", 0)
        m_start, m_end = first.idx + base, final.idx + len(final) + base
        while m_start < m_end - 1 and self.cast.text[m_start] in "-—–―":
            m_start += 1  # the dash of a credit line the tokenizer left on the name ("-Ana")
        who, pronoun = None, owner_pronoun(head)
        if pronoun is not None:
            who = self._he_she(pronoun, m_start)
        if who is None:
            who = classify(self.cast, head, first, final, self._reference(head, m_start),
                           self.discourse)
            if who.type == "person" and _definite_role(head, first):
                who = self._described(m_start, who)
            elif _placed_party(head, first):
                # "the Arizona Republican": whom the sentences give, no name of its own
                who = self._described(m_start, Speaker("", "person"))
        self.discourse.named(who, head.idx + base)
        pair = self._pair(head, who)
        if pair is not None:
            self.discourse.named(pair, head.idx + base)
        return Attribution(who, Mention(self.cast.text[m_start:m_end], m_start, m_end))

    def _pair(self, head, who: Speaker) -> Speaker | None:
        """Give the group of people a mention joins by "and" ("Foner and Alba suggest"): whom
        a later "they" stands for; None for one person."""
        names = self.cast.names
        others = [names.full_name(c.text) for c in head.children
                  if c.dep_ == "conj" and c.pos_ == "PROPN"]
        if who.type != "person" or not who.name or not others:
            return None
        return Speaker(" and ".join([who.name, *others]), "group")

    def _reference(self, head, m_start: int) -> Speaker | None:
        """Give whom a pronoun at `head` (its mention starting at `m_start`) would be by the
        names before it: the last speaker, or a person named since."""
        names, state = self.cast.names, self.discourse
        ref = state.last_person
        subject = sentence_subject(head)
        named = subject or (self._antecedent(m_start) if head.lower_ in ("he", "she")
                            else names.last_person_before(m_start))
        if named and (state.last_person is None or subject
                      or state.last_person_at < names.last_named_at(named, m_start)
                      and not self._previous_fits(head, named)):
            ref = names.as_speaker(named)
        return ref

    def _he_she(self, head, at: int) -> Speaker | None:
        """Give whom "he"/"she" (or "his"/"her") at offset `at` stands for by the sentences
        around it: the main clause's subject, the speaker of a statement they continue, else
        a person they name; None when they name no one who fits."""
        low = _SUBJECT_FORM.get(head.lower_, head.lower_)
        prev, names = self.discourse.previous, self.cast.names
        near = self._antecedents()
        subject = names.full_name(sentence_subject(head))
        if subject and not near.contrary(subject, low):
            return names.as_speaker(subject)
        before, _ = near.window(at)
        end = self.discourse.previous_end
        previous = (prev is not None and prev.speaker.type == "person"
                    and prev.speaker.name.lower() not in ("", "he", "she", "i")
                    and not near.contrary(prev.speaker.name, low))
        if previous and (end > before or prev.mention.start >= before):
            return prev.speaker
        last = self.discourse.last_person
        if not previous and last is not None and self.discourse.last_person_at >= before and (
                not near.contrary(last.name, low)):
            # the last statement was a group's ("Pell's aides argue"): a person who spoke in
            # the sentence before still outranks a name nearer the pronoun
            return last
        name = near.in_sentences(at, low)
        if name:
            return names.as_speaker(name)
        # no one named since: a paragraph continuing the last statement's keeps its speaker
        return prev.speaker if previous and self.cast.text.count("\n\n", end, at) <= 1 else None

    def _described(self, at: int, by_role: Speaker) -> Speaker:
        """Give whom a definite role ("the senator") stands for when its own sentence opens
        by naming a person ("Pell defends her record in an ad: “...,” the senator says"):
        that person; a role no one holds, the person heading the sentence before ("Pell has
        a clear path. The former first lady calls it ...", if given no other role); else
        `by_role`, the person the article gives the role, if any."""
        near = self._antecedents()
        before, own = near.window(at)
        who = self._opener(own, at)
        if not who and not by_role.name:
            # of the sentence before, only a person given no other role
            who = self._opener(before, own)
            role = self.cast.names.as_speaker(who).role if who else ""
            who = "" if other_role(role, by_role.role) else who
        if not who or who == by_role.name:
            return by_role
        p = self.cast.names.as_speaker(who)
        return Speaker(p.name, "person", p.role or by_role.role,
                       p.affiliation or by_role.affiliation)

    def _opener(self, lo: int, hi: int) -> str:
        """Give the person text[lo:hi] opens by naming ("Pell defends ..."; not "When Pell
        ..."), or ""."""
        named = [n for n in self._antecedents().named(lo, hi, "") if not n.aside]
        lead = self.cast.text[lo:named[0].at].split() if named else []
        if not named or not all(w[:1].isupper() and w.lower() not in WHEN_WORDS for w in lead):
            return ""
        return named[0].name

    def _antecedents(self) -> Antecedents:
        """Give the article's people by sentence (built when a pronoun first needs them)."""
        if self._near is None:
            cast = self.cast
            outside = [(at, name) for at, name in cast.names.mentions()
                       if not self._in_quotation(at)
                       and not credit(cast.text, at, mention_end(cast.text, at, name) - at)]
            self._near = Antecedents(cast.text, self.quoted, cast.genders, outside)
        return self._near

    def _in_quotation(self, at: int) -> bool:
        """Give True when offset `at` lies inside one of the article's quotations."""
        i = bisect_right(self.quoted, (at, float("inf"))) - 1
        return i >= 0 and self.quoted[i][0] <= at < self.quoted[i][1]
