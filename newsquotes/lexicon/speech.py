"""Words that report speech: speech verbs and their subsets by how they take what was said,
speech nouns, and the media words were said in."""

from __future__ import annotations

from newsquotes.lexicon import words

# Verbs whose subject is a speaker and whose complement is what was said. Lemmas, as spaCy's
# English lemmatizer gives them.
SPEECH_VERBS = words("""
say tell add state announce explain claim argue insist note warn write tweet ask reply respond
declare suggest acknowledge admit deny confirm report reveal recall predict promise vow pledge
urge describe accuse praise criticize criticise comment remark complain concede contend assert
emphasize emphasise stress maintain mention observe proclaim repeat reiterate testify threaten
boast joke quip agree counter retort allege charge demand propose recommend inform assure caution
shout yell whisper post echo conclude estimate indicate hint speculate question blast slam dismiss
reject defend answer continue call thank lament muse wonder concur disclose affirm dispute scoff
sneer grumble exclaim recount relate cite attack point
""")

# Speech verbs that need a quotation or a that-clause to count: on their own they describe
# actions ("continued the talks", "called a meeting", "posted a photo").
WEAK_VERBS = words(
    "continue call post echo question defend dismiss reject thank answer charge counter "
    "praise criticize criticise accuse describe blast slam relate report ask cite attack point"
)

# Weak verbs whose direct object is what was said ("criticized the plan", "accused X of Y",
# "called the vote a disgrace"), and the preposition that brings it for some ("called for a
# ban", "pointed to the figures").
OBJECT_VERBS = words(
    "praise criticize criticise accuse describe blast slam dismiss reject cite attack defend "
    "question call thank echo post report"
)
PREPOSITION_OBJECT = {"call": ("for", "on"), "point": ("to",)}

# Verbs whose object is the addressee or nothing useful ("told reporters", "said nothing"):
# their content is a clause or a quotation, never the object.
CLAUSE_ONLY_VERBS = words("say tell add continue write tweet ask reply respond explain note "
                          "insist argue claim state post echo answer")

# Verbs that report words of their own: "criticized the plan and said it was costly" is two
# statements; "described it as “hard” and accused them of delay" is one characterisation.
OWN_WORDS_VERBS = words("say tell add state write announce explain note claim insist argue "
                        "warn ask reply answer respond report promise predict suggest confirm "
                        "deny acknowledge admit")

# Inflected forms no rule of `forms` gives.
IRREGULAR_FORMS = {
    "say": ("said", "says", "saying"),
    "tell": ("told", "tells", "telling"),
    "write": ("wrote", "written", "writes", "writing"),
    "tweet": ("tweeted", "tweets", "tweeting"),
}

# Present-tense cue forms the tagger takes for plural nouns after a subject noun
# ("the editorial board writes").
NOUNLIKE_CUES = words("says writes adds tells notes claims argues asks explains insists warns "
                      "tweets concludes continues recalls")

# Nouns that report speech with a that-clause and an owner: "Ana Pell's claim that ...".
NOMINAL_CUES = words("""
claim claims remark remarks comment comments statement statements warning warnings promise
promises assertion assertions suggestion argument accusation accusations allegation
allegations insistence prediction pledge announcement admission contention
""")

# Where words were said: "said in a statement that ...".
MEDIA_NOUNS = words("statement statements interview letter speech post message release "
                    "briefing tweet note email broadcast address")

# Where or in what words were said, for a participle hung on them: "spoke at a rally blasting
# the plan", "issued a statement saying ..." speak for who spoke or issued.
# What people carry words on ("held banners proclaiming ...", "signs reading ..."): the
# words are the carriers'.
CARRIED_NOUNS = words("banner banners sign signs placard placards poster posters")
CARRYING_FORMS = words("hold holds held holding carry carries carried carrying wave waves "
                       "waved waving raise raised raising display displayed wear wore wearing")
OCCASION_NOUNS = MEDIA_NOUNS | CARRIED_NOUNS | words(
    "rally rallies conference meeting event hearing debate appearance session remarks response "
    "video ad clip")

# Verbs that make their object do what follows ("led Republicans to say ...", "forced him to
# admit ..."): the object speaks. (Not "urged him to say": asked for, not said.)
CAUSING_FORMS = words("""
lead leads led leading prompt prompts prompted prompting force forces forced forcing cause
causes caused causing spur spurs spurred spurring drive drives drove driving
""")

# Conjunctions opening a clause that says when something was said ("as he left").
WHEN_WORDS = words("as when while after before during since until once")

# Verbs whose infinitive says a speaker gave no words ("declined to comment", "refused to say").
REFUSAL_VERBS = words("decline declined declines declining refuse refused refuses refusing")
# What a person's words are called: "his remarks indicated", "her argument that ...".
OWN_WORD_NOUNS = NOMINAL_CUES | words("words tweet tweets post posts message")
# "admitting more students", "admit 250,000 Syrians": letting people in, not words.
ADMIT_OBJECTS = words("""
student students refugee refugees immigrant immigrants migrant migrants patient patients
member members applicant applicants people visitor visitors child children
""")
