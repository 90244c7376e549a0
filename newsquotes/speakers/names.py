"""Words around names and small functions over them: titles, role and organisation nouns,
demonyms, and a name cleaned of titles, possessives and punctuation."""

from __future__ import annotations

import re

PRONOUNS = {"he", "she", "him", "her", "they", "we", "i", "you", "it", "who"}
PERSON_PRONOUNS = {"he", "she", "i"}
TITLES = {
    "president", "minister", "secretary", "senator", "sen.", "sen", "rep.", "rep", "gov.", "gov",
    "governor", "mr.", "mrs.", "ms.", "mr", "mrs", "ms", "dr.", "dr", "prof.", "professor", "gen.",
    "general", "speaker", "leader", "chancellor", "mayor", "judge", "justice", "ambassador",
    "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "chair", "director",
    "chief", "prime", "foreign", "defence", "defense", "finance", "deputy", "vice", "former",
    "state", "attorney", "house", "senate", "majority", "minority", "whip", "king", "queen",
    "prince", "pope", "rev.", "lt.", "col.", "capt.", "sgt.", "sir", "lord", "lady", "candidate",
    "commissioner", "envoy", "premier", "sheriff", "councilman", "councilwoman", "congressman",
    "congresswoman", "executive", "officer", "ceo", "founder", "head", "manager", "adviser",
    "advisor", "presidential", "gop", "democratic", "republican", "the", "u.s.", "us",
}
ROLE_NOUNS = {
    "minister", "president", "secretary", "senator", "governor", "spokesman", "spokeswoman",
    "spokesperson", "official", "chairman", "chairwoman", "chair", "director", "ambassador",
    "envoy", "leader", "candidate", "nominee", "chancellor", "premier", "mayor", "counterpart",
    "chief", "head", "adviser", "advisor", "aide", "congressman", "congresswoman", "lawmaker",
    "diplomat", "general", "commander", "representative", "manager", "ceo",
    "founder", "prosecutor", "judge", "attorney", "frontrunner", "front-runner", "republican",
    "democrat", "businessman", "billionaire", "king", "queen", "pope", "analyst", "expert",
    "professor", "economist", "officer", "executive", "negotiator", "strategist", "pollster",
}
ORG_NOUNS = {
    "ministry", "department", "committee", "campaign", "agency", "office", "company", "police",
    "party", "council", "commission", "association", "group", "union", "court", "army",
    "military", "administration", "board", "bank", "embassy", "organization", "organisation",
    "network", "newspaper", "institute", "foundation", "university", "team", "firm", "website",
    "delegation", "mission", "coalition", "alliance", "secretariat", "authority", "parliament",
    "cabinet", "charity", "corporation", "regulator", "watchdog", "broadcaster",
}
# Words that make a speaker a government rather than an organisation.
GOVERNMENT_WORDS = {"government", "cabinet", "kremlin", "pentagon"}
# Bodies of a state that keep their own name as speaker ("the Veloran Ministry of Energy") but
# are typed government, not organisation.
STATE_BODY_WORDS = {"ministry", "ministries", "embassy"}
# Words that make a capitalised name an organisation or a place, not a person.
ORG_NAME_WORDS = {
    "house", "party", "committee", "department", "ministry", "court", "times", "news", "post",
    "network", "university", "campaign", "council", "senate", "congress", "office", "agency",
    "association", "foundation", "institute", "union", "bank", "group", "street", "center",
    "centre", "church", "city", "county", "state", "states", "republic", "kingdom", "fund",
    "company", "corp", "inc", "co", "journal", "press", "media", "club", "board", "service",
    "review", "magazine", "channel", "tv", "radio", "school", "college", "hospital", "army",
}
GOVERNMENT_NAMES = {"kremlin", "white house", "pentagon", "government", "downing street"}
DEMONYMS = {
    "american": "United States", "british": "Britain", "french": "France", "german": "Germany",
    "chinese": "China", "dutch": "Netherlands", "swiss": "Switzerland", "turkish": "Turkey",
    "israeli": "Israel", "iraqi": "Iraq", "iranian": "Iran", "polish": "Poland",
    "spanish": "Spain", "swedish": "Sweden", "danish": "Denmark", "finnish": "Finland",
    "japanese": "Japan", "greek": "Greece", "irish": "Ireland", "welsh": "Wales",
    "scottish": "Scotland", "filipino": "Philippines", "pakistani": "Pakistan",
}
POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


def clean_name(text: str) -> str:
    """Give a name without a trailing possessive, leading titles or surrounding punctuation."""
    text = POSSESSIVE.sub("", text.strip(" ,.;:—–-\"“”‘’'()\n\t"))
    words = text.split()
    # "Ukraine’s Dmytro Kuleba": the possessive before the name is an affiliation.
    while len(words) > 1 and POSSESSIVE.search(words[0]):
        words = words[1:]
    while len(words) > 1 and words[0].lower() in TITLES:
        words = words[1:]
    return " ".join(words)


def plain_name(text: str) -> str:
    """Give a non-person name as written, without surrounding punctuation or a possessive."""
    return POSSESSIVE.sub("", text.strip(" ,.;:—–-\"“”‘’'()\n\t"))


def country_of(word: str, known: list[str]) -> str:
    """Give the country a demonym or country name points to ("Russian" -> "Russia"), or ""."""
    w = clean_name(word)
    low = w.lower()
    if w in known:
        return w
    for k in known:
        if k.lower() == low:
            return k
    if low in DEMONYMS:
        return DEMONYMS[low]
    for k in known:
        stem = k.lower()[: max(4, len(k) - 2)]
        if len(k) >= 4 and low.startswith(stem) and low != k.lower():
            return k
    return w if w[:1].isupper() else ""


def same_place(a: str, b: str) -> bool:
    """Give True when two place words name the same place ("Borland", "Borlandian")."""
    a, b = a.lower(), b.lower()
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    return long_.startswith(short[: max(4, len(short) - 2)])
