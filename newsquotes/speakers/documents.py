"""Who a document or a set of bodies speaks for: "the statement said" (whoever gave the
statement before it), "the National Academies report" (its author), "the departments" (the
bodies that spoke just before)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsquotes.lexicon.bodies import AUTHORED_NOUNS, ORG_NOUNS
from newsquotes.lexicon.people import PRONOUNS
from newsquotes.speakers.registry import Speaker

if TYPE_CHECKING:
    from newsquotes.speakers.resolver import Discourse

_DEFINITE = ("the", "this", "its", "these", "both")
_BODIES = ("organisation", "government")
_NAMED = ("PERSON", "ORG", "GPE", "NORP")


def _singular(plural: str) -> str:
    """Give the singular of a plural body noun ("agencies" -> "agency")."""
    return plural[:-3] + "y" if plural.endswith("ies") else plural.removesuffix("s")


def author_token(head):
    """Give the name token a document noun is headed by ("the National Academies report",
    "Pell's statement"), or None."""
    if head.lower_ not in AUTHORED_NOUNS:
        return None
    return next((c for c in head.children if c.dep_ in ("compound", "poss")
                 and c.pos_ == "PROPN" and c.ent_type_ in _NAMED), None)


def issuer(text: str, head, first, state: Discourse) -> Speaker | None:
    """Give who a definite document ("the statement") or bodies noun ("the departments")
    headed by `head` speaks for: the speaker of the statement before it, when that ended in
    this paragraph or the one before (and, for bodies, is a body); else None."""
    low = head.lower_
    plural_body = head.tag_ == "NNS" and _singular(low) in ORG_NOUNS
    if first.lower_ not in _DEFINITE or not (low in AUTHORED_NOUNS or plural_body):
        return None
    prev = state.previous
    at = head.idx + head.doc.user_data.get("base", 0)
    if (prev is None or prev.speaker.name.lower() in ("", *PRONOUNS)
            or text.count("\n\n", state.previous_end, at) > 1
            or plural_body and prev.speaker.type not in _BODIES):
        return None
    return prev.speaker
