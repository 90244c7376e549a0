"""Words that tell a speaker's name from the text around it, for settling names across a corpus.

Closed classes (auxiliaries, determiners, conjunctions, prepositions, sentence adverbs) are
never the first word of a personal name, so one of them before a name was cut from the
sentence with it ("Did Trump", "Both Bolton", "That said"). The other tables are the few open
words that come before names without being part of them: epithets and share-bar words.
"""

# Not here, as they are given names too: "will", "may", "can", "said".
AUXILIARIES = {
    "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "has",
    "have", "had", "having", "would", "could", "shall", "should", "might",
    "must", "ought", "isn't", "wasn't", "doesn't", "didn't", "hasn't", "hadn't", "won't",
    "wouldn't", "can't", "couldn't", "shouldn't",
}
DETERMINERS = {
    "the", "a", "an", "this", "that", "these", "those", "both", "either", "neither", "each",
    "every", "some", "any", "all", "many", "most", "much", "few", "several", "another", "other",
    "one", "no", "such", "which", "what", "whose", "whichever", "whatever", "my", "your", "his",
    "her", "its", "our", "their", "fellow", "former", "then", "now-former", "anyone",
    "someone", "everyone", "nobody", "everybody", "somebody", "anybody",
}
CONJUNCTIONS = {
    "and", "but", "or", "nor", "so", "yet", "if", "when", "while", "whereas", "as", "though",
    "although", "because", "since", "unless", "until", "once", "where", "why", "how", "whether",
    "after", "before", "than", "like", "unlike",
}
PREPOSITIONS = {
    "of", "in", "on", "at", "by", "for", "from", "to", "with", "without", "about", "against",
    "among", "between", "during", "into", "over", "under", "through", "despite", "per", "via",
    "amid", "given", "toward", "towards", "upon", "within", "beyond", "behind", "besides",
}
ADVERBS = {
    "even", "just", "only", "also", "still", "already", "again", "then", "now", "here",
    "there", "instead", "meanwhile", "however", "indeed", "perhaps", "maybe", "actually",
    "really", "not", "never", "always", "often", "sometimes", "later", "earlier", "finally",
    "first", "second", "third", "last", "next", "too", "very", "well", "yes", "oh", "hey",
    "please", "thus", "hence", "otherwise", "ultimately", "initially", "previously", "recently",
    "ironically", "notably", "separately", "similarly", "today", "yesterday", "tonight",
    "asked", "says", "say", "told", "added", "noted", "wrote", "according",
}
# Verbs that open a slogan or a command before a name ("Make Trump go away", "Dump Halvan"),
# never a given name. Not here, as they are given names too: "will", "grant", "hope", "rush",
# "chase", "drew", "mark", "sue", "pat", "bob", "frank", "guy", "bill", "jack", "don".
IMPERATIVES = {
    "make", "let", "get", "take", "keep", "give", "tell", "vote", "stop", "send", "bring",
    "lock", "dump", "impeach", "elect", "reelect", "re-elect", "thank", "ask", "help", "save",
    "blame", "fire", "beat", "defeat", "fight", "trust", "believe", "imagine", "remember",
    "forget", "meet", "see", "hear", "love", "hate", "free", "arrest", "jail", "recall",
}
# Words placed before a name to mock or praise, never part of it ("Crooked Hillary").
EPITHETS = {
    "crooked", "lyin'", "lyin", "lying", "real", "fascist", "crazy", "sleepy", "little",
    "liddle", "low-energy", "nasty", "phony", "goofy", "disgraced", "dishonest", "corrupt",
    "poor", "dear", "beloved", "angry", "embattled", "beleaguered", "liar", "loser", "dopey",
    "failed", "weak", "tiny", "late", "brave",
}
# A plural title before names ("Senators Rubio and Cruz") or a title the name tables lack.
TITLE_WORDS = {
    "senators", "sens.", "reps.", "representatives", "governors", "govs.", "presidents",
    "pastor", "rabbi", "imam", "bishop", "cardinal", "father", "sister", "brother", "reverend",
    "coach", "officer", "detective", "sergeant", "lieutenant", "captain", "colonel", "admiral",
    "corporal", "nominee", "hopeful", "challenger", "rival", "incumbent", "frontrunner",
    "front-runner", "businessman", "businesswoman", "billionaire", "mogul", "tycoon", "anchor",
    "columnist", "commentator", "pundit", "author", "actor", "actress", "singer", "rapper",
    "veteran", "activist", "ag", "a.g.", "administrator", "superintendent", "lt", "col",
    "sgt", "capt", "developer",
}  # not "gen" without its full stop: Gen Nakatani
# Given names that end in -ing, which otherwise marks a verb cut from the sentence.
ING_NAMES = {
    "channing", "sterling", "irving", "ming", "ping", "jing", "qing", "xing", "ling", "ying",
    "bing", "king", "darling", "hastings", "manning", "fleming", "harding", "browning",
    "redding", "jennings", "golding", "pershing", "cushing", "deming", "boeing", "beijing",
    "nanjing", "viking", "wyoming", "reading", "epping", "ealing", "tring", "kipling",
}
# Share-bar, footer and navigation words of a web page: text, not a speaker.
SHARE_WORDS = {"share", "email", "e-mail", "whatsapp", "telegram", "facebook", "twitter",
               "linkedin", "pinterest", "reddit", "tumblr", "messenger"}
PAGE_WORDS = SHARE_WORDS | {
    "print", "copy", "link", "comments",
    "comment", "subscribe", "newsletter", "follow", "menu", "login", "log", "sign", "advertisement",
    "sponsored", "standards", "cookies", "privacy", "terms", "related", "read", "watch",
    "listen", "download", "click", "tap", "swipe", "photo", "photos", "video", "image",
    "caption", "credit", "getty", "reuters/", "file", "gallery", "more",
}
# Words a page's navigation starts with: a name led by one is no speaker ("Our Standards").
PAGE_LEADS = {"our", "follow", "subscribe", "share", "read", "watch", "listen", "download",
              "click", "sign", "related", "advertisement", "sponsored", "more", "editor's",
              "editors'", "editor’s", "note", "correction", "clarification"}
# Words after a surname that are not its last name word ("Donald Trump Jr", another person).
SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
# Abbreviations that end in a full stop inside a name, not at a sentence's end.
ABBREVIATIONS = {"st.", "ft.", "mt.", "no.", "vs.", "inc.", "co.", "corp.", "ltd.", "jr.", "sr.",
                 "gov.", "sen.", "rep.", "mr.", "mrs.", "ms.", "dr.", "prof.", "gen.", "lt.",
                 "col.", "capt.", "sgt.", "rev.", "adm.", "maj.", "cpl.", "supt.", "insp.",
                 "sens.", "reps.", "govs.", "hon.", "atty.", "u.s.", "u.k.", "u.n."}
# A party member named by the party alone ("a Wisconsin Republican"): a description.
PARTY_NOUNS = {"republican", "democrat", "conservative", "liberal", "progressive",
               "independent", "libertarian", "socialist"}
# A name ending in one of these is a day or an event, not a speaker ("Election Day").
EVENT_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
               "day", "night", "eve", "week", "weekend"}
# Verbs of a title-case headline that run into the name after them ("Gold Star Mom Corners
# Obama", "Slams Donald Trump"): the name is what follows. Not "Burns" or "Mills": surnames.
HEADLINE_VERBS = {
    "slams", "blasts", "rips", "corners", "bashes", "mocks", "knocks", "torches", "trolls",
    "grills", "urges", "warns", "says", "tells", "backs", "endorses", "praises", "attacks",
    "accuses", "defends", "dismisses", "denies", "vows", "claims", "invokes", "rejects",
    "responds", "unloads", "shreds", "lashes", "jabs", "scolds", "chides", "lambasts",
    "hammers", "taunts", "rebukes", "ridicules", "confronts", "destroys", "humiliates",
    "demands", "questions", "challenges", "thanks", "meets", "visits", "joins", "fires",
    "debunks", "exposes", "reveals", "admits", "announces", "sues", "trails", "leads",
    "taps", "nominates", "snubs", "skewers", "derides", "condemns", "faces", "hails",
}
# A given name's short form and its full form: one person ("Chuck Grassley", "Charles E.
# Grassley"). Only short forms of one full name and one sex: not Chris, Alex, Sam, Pat.
NICKNAMES = {
    "joe": "joseph", "chuck": "charles", "charlie": "charles", "len": "leonard",
    "lenny": "leonard", "bill": "william", "billy": "william", "will": "william",
    "bob": "robert", "bobby": "robert", "rob": "robert", "mike": "michael", "jim": "james",
    "jimmy": "james", "tom": "thomas", "tommy": "thomas", "dave": "david", "dan": "daniel",
    "danny": "daniel", "andy": "andrew", "matt": "matthew", "tim": "timothy",
    "jeff": "jeffrey", "greg": "gregory", "ron": "ronald", "don": "donald",
    "larry": "lawrence", "jerry": "gerald", "rick": "richard", "dick": "richard",
    "ted": "edward", "ed": "edward", "ben": "benjamin", "tony": "anthony", "nick": "nicholas",
    "newt": "newton", "mitch": "mitchell", "bernie": "bernard", "hank": "henry",
    "jack": "john", "johnny": "john", "fred": "frederick", "ken": "kenneth", "doug": "douglas",
    "liz": "elizabeth", "beth": "elizabeth", "betsy": "elizabeth", "kathy": "kathleen",
    "debbie": "deborah", "peggy": "margaret", "maggie": "margaret", "jenny": "jennifer",
    "sue": "susan", "becky": "rebecca", "cindy": "cynthia", "patty": "patricia",
}
