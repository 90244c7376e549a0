"""The people, organisations and places one article names, and what its text says of them.

An article's `Cast` is built in one step (`build_cast`) from its text, its parsed pieces and
the speaker mentions of its statements: the names it gives (with the role and affiliation the
text gives them: "Ukraine’s Dmytro Kuleba", "Foreign Minister Sergey Lavrov", "Lavrov,
Russia's foreign minister"), so that a bare surname, a pronoun or a role phrase can be resolved
to a full name, and the evidence the text gives: which names are places, organisations or
people, and which people it calls "he" or "she".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from newsquotes.lexicon.bodies import ORG_NAME_WORDS, ORG_NOUNS
from newsquotes.lexicon.people import PEOPLE_NOUNS, ROLE_NOUNS
from newsquotes.speakers.evidence import TextEvidence
from newsquotes.speakers.gender import Genders
from newsquotes.speakers.learner import learn_piece, learn_speaker
from newsquotes.speakers.registry import Person, Registry, Speaker
from newsquotes.speakers.roles import Roles
from newsquotes.speakers.scanner import scan_people

__all__ = ["Cast", "Person", "Speaker", "build_cast"]


@dataclass(frozen=True)
class Cast:
    """One article's names (`names`), the gender of its people and who holds which role."""

    text: str
    names: Registry
    genders: Genders
    roles: Roles

    @property
    def evidence(self) -> TextEvidence:
        """Give what the text says about its names."""
        return self.names.evidence


def build_cast(text: str, docs: Iterable = (), speakers: Iterable = ()) -> Cast:
    """Give the cast of an article from its text, its parsed pieces and the tokens heading
    its statements' speaker mentions (in text order)."""
    evidence = TextEvidence(text)
    evidence.scan(ROLE_NOUNS | PEOPLE_NOUNS, ORG_NOUNS | ORG_NAME_WORDS)
    names = Registry(text, evidence)
    scan_people(names)
    for doc in docs:
        learn_piece(names, doc, doc.user_data["base"])
    speakers = list(speakers)
    for tok in speakers:
        learn_speaker(names, tok)
    # Who is quoted by name decides ties between people sharing a role.
    quoted: Counter = Counter()
    for tok in speakers:
        if tok.pos_ == "PROPN" and names.person(names.full_name(tok.text)) is not None:
            quoted[names.full_name(tok.text)] += 1
    return Cast(text, names, Genders(names), Roles(names, quoted))
