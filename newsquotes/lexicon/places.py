"""Words that make a capitalised name a place, and demonyms whose country is not their stem."""

from __future__ import annotations

from newsquotes.lexicon import words

# First words that make a capitalised name a place ("Port Ansel"). Words that are also common
# surnames ("Ridge", "Hill", "Park", "Bay") are left out; a compass word ("North Carolina")
# opens a surname ("Kanye West"), never a given name.
PLACE_FIRST = words("port mount lake fort cape san santa saint new north south east west")
# Last words of places that cannot speak for anyone ("the Hollin Gap said" is never meant),
# unlike a country or a city standing for its government ("Velora said").
NATURAL_LAST = words("""
gap river valley pass sea island islands mountains hills strait coast peninsula square avenue
road bridge airport harbour harbor heights falls crossing canal delta desert creek springs gulf
ocean plains highlands basin
""")
PLACE_LAST = NATURAL_LAST | words("province region district county city town village oblast "
                                  "territory territories")
DEMONYMS = {
    "american": "United States", "british": "Britain", "french": "France", "german": "Germany",
    "chinese": "China", "dutch": "Netherlands", "swiss": "Switzerland", "turkish": "Turkey",
    "israeli": "Israel", "iraqi": "Iraq", "iranian": "Iran", "polish": "Poland",
    "spanish": "Spain", "swedish": "Sweden", "danish": "Denmark", "finnish": "Finland",
    "japanese": "Japan", "greek": "Greece", "irish": "Ireland", "welsh": "Wales",
    "scottish": "Scotland", "filipino": "Philippines", "pakistani": "Pakistan",
}
