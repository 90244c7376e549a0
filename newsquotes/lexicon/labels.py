"""Words that head a line with a colon and name no speaker ("Update: ...", "Watch: ...")."""

from __future__ import annotations

from newsquotes.lexicon import words
from newsquotes.lexicon.calendar import WEEKDAYS

LINE_LABELS = WEEKDAYS | words("""
update updated note editor editors watch related video videos photo photos live opinion
analysis exclusive breaking read source sources correction clarification disclosure transcript
q a question answer tags tag filed posted published share topics topic see also more subscribe
follow contact email phone by credit image caption warning summary background context why what
how when where who here part chapter step day round title subject re fwd from to cc date time
location venue price cost age results result winner verdict rating score listen sign click
latest contributing contributors notice want wow leaked
""")
# Small words that may stand between the capitalised words of a name or an outlet
# ("Ministry of Energy", "Ursula von der Leyen").
NAME_LINKS = words("of at to on in the for and de van von")
# Labels that open a link to another page ("READ MORE: Pell says ..."): such a line is a
# caption, never a statement.
LINK_LABELS = ("read more", "read", "more", "watch", "related", "see also", "video", "listen",
               "also read", "recommended", "click here", "sign up", "subscribe")
