"""Which person "he" or "she" can be: each person's gender from the article's own evidence."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsquotes.speakers.evidence import gender_votes, in_quotation, owner_at, settled_gender
from newsquotes.speakers.registry import Registry, Speaker


@dataclass
class Genders:
    """The gender the text gives each person of one article (computed once, when first read)."""

    names: Registry
    _settled: dict[str, str] | None = field(default=None, repr=False)

    def of(self, name: str) -> str:
        """Give "m" or "f" when the text gives clear evidence of this person's gender, else ""."""
        if self._settled is None:
            votes = gender_votes(self.names.text, self.names.mentions())
            self._settled = {n: settled_gender(v) for n, v in votes.items()}
        return self._settled.get(name, "")

    def fit_pronoun(self, ref: Speaker | None, pronoun: str, at: int) -> Speaker | None:
        """Give the speaker "he"/"she" at offset `at` refers to: `ref` unless gender evidence
        points to another person named before it (when `ref` is of the other gender, or of
        unknown gender and a fitting person is among the last three named, not as an owner:
        "Lichtman said of McCain's effort. He added" is Lichtman's); None when `ref` is of the
        other gender and no one named before fits."""
        want = "m" if pronoun == "he" else "f"
        have = self.of(ref.name) if ref is not None else ""
        if have == want:
            return ref
        recent: list[str] = []
        text = self.names.text
        # a speaker of unknown gender gives way to no one named only as an owner
        owners_out = ref is not None and not have
        for pos, name in reversed(self.names.mentions()):
            if (pos < at and name not in recent and (ref is None or name != ref.name)
                    and not in_quotation(text, pos)
                    and not (owners_out and owner_at(text, pos, name))):
                recent.append(name)
        # Of unknown gender, `ref` gives way only to a fitting person named shortly before.
        fitting = [n for n in (recent if have else recent[:3]) if self.of(n) == want]
        if fitting:
            return self.names.as_speaker(fitting[0])
        # "she" is never a man the text calls "he" (nor "he" a woman): then it is no one known
        return None if have else ref

    def fits(self, name: str, pronoun: str) -> bool:
        """Give True when the text makes person `name` one "he"/"she" can stand for."""
        return self.of(name) == ("m" if pronoun == "he" else "f")
