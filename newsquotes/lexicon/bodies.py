"""Words for organisations, governments and things that cannot speak."""

from __future__ import annotations

from newsquotes.lexicon import words

# Words that are both a noun for a body ("the ministry said") and a word that makes a
# capitalised name a body ("Ministry of Energy").
_BODY_WORDS = words("""
agency army association bank board campaign committee company council court department
foundation group institute ministry network office party union university
""")
# Nouns for a body: "the ministry", "the relief group Open Hands Medical".
ORG_NOUNS = _BODY_WORDS | words("""
administration alliance authority broadcaster cabinet charity coalition commission corporation
delegation embassy firm military mission newspaper organisation organization parliament police
regulator secretariat team watchdog website
""")
# Words that make a capitalised name an organisation or a place, not a person.
ORG_NAME_WORDS = _BODY_WORDS | words("""
center centre channel church city club co college congress corp county fund hospital house inc
journal kingdom league magazine media news post press radio republic review school senate service
state states street times tv
""")
# Participles by which a document names who issued it, however far its noun phrase runs ("a
# report on the housing of migrants issued by the Kessin Council").
ISSUED_FORMS = words("issued released published prepared written produced compiled")
# Words that make a speaker a government rather than an organisation.
GOVERNMENT_WORDS = words("government cabinet kremlin pentagon")
# Names that stand for a government.
GOVERNMENT_NAMES = frozenset({"kremlin", "white house", "pentagon", "government",
                              "downing street"})
# Bodies of a state that keep their own name as speaker ("the Veloran Ministry of Energy") but
# are typed government, not organisation.
STATE_BODY_WORDS = words("ministry ministries embassy")
# Nouns before which a name names a body ("whose Open Hands Medical clinic"); people come
# before other nouns ("the Biden administration", "the Smith family").
INSTITUTION_NOUNS = words("clinic clinics hospital charity foundation company firm")
# Nouns for things that cannot speak: numbers, documents, agreements. A statement they "give"
# ("Polls suggest ...", "according to figures ...") has no person behind it in the text.
THING_NOUNS = words("""
figure figures poll polls survey surveys result results data statistics number numbers estimate
estimates copy record records document documents draft truce extension arrangement agreement
deal treaty book film study studies report reports statement statements letter memo release
filing ruling law bill plan proposal text artillery decision move ceasefire research analysis
model models forecast forecasts index census tally count order
""")
# A document that speaks for whoever issued it ("the statement said", "The ad touts").
AUTHORED_NOUNS = words("""
statement report letter memo release note ad advertisement commercial photo video post tweet
email message slide presentation editorial
""")
