"""Words around people: pronouns, titles, role nouns, nouns for unnamed people, gendered
titles, and the small words that keep a capitalised run from being a name."""

from __future__ import annotations

from newsquotes.lexicon import words

PRONOUNS = words("he she him her they we i you it who")
PERSON_PRONOUNS = words("he she i")
# Words that stand before a name as its title or office ("Foreign Minister", "Sen.").
TITLES = words("""
president minister secretary senator sen. sen rep. rep gov. gov governor mr. mrs. ms. mr mrs ms
dr. dr prof. professor gen. general speaker leader chancellor mayor judge justice ambassador
spokesman spokeswoman spokesperson chairman chairwoman chair director chief prime foreign defence
defense finance deputy vice former state attorney house senate majority minority whip king queen
prince pope rev. lt. col. capt. sgt. sir lord lady candidate commissioner envoy premier sheriff
councilman councilwoman congressman congresswoman executive officer ceo founder head manager
adviser advisor presidential gop democratic republican the u.s. us
""")
# Titles of a sovereign or a pope: with one name after them they are part of the person's
# ordinary name ("Pope Francis", "King Oskar"), which the name alone is not.
REGNAL_TITLES = words("pope king queen prince princess emperor empress sultan")
# Nouns for a person by office or occupation ("the minister", "Russia's top diplomat").
ROLE_NOUNS = words("""
minister president secretary senator governor spokesman spokeswoman spokesperson official
chairman chairwoman chair director ambassador envoy leader candidate nominee chancellor premier
mayor counterpart chief head adviser advisor aide congressman congresswoman lawmaker diplomat
general commander representative manager ceo founder prosecutor judge attorney frontrunner
front-runner republican democrat businessman billionaire king queen pope analyst expert
professor economist officer executive negotiator strategist pollster lady
""")
# Singular nouns for one unnamed person ("the bride", "one voter"), besides role nouns.
PEOPLE_NOUNS = words("""
man woman voter resident farmer worker doctor nurse bride groom mother father son daughter wife
husband sister brother witness victim survivor student teacher driver owner soldier villager
refugee neighbour neighbor friend activist protester supporter critic source person citizen
shopkeeper trader journalist reporter lawyer writer author director volunteer engineer pilot
veteran member insider observer colleague relative youth girl boy researcher scientist historian
filmmaker photographer mediator rival
""")
# Gendered words before or after a name.
MALE_TITLES = words("mr mr. sir lord king prince spokesman chairman congressman businessman "
                    "councilman")
FEMALE_TITLES = words("mrs mrs. ms ms. miss lady dame queen princess spokeswoman chairwoman "
                      "congresswoman businesswoman councilwoman")
# Nouns for an unnamed person of one gender ("a woman who saw the crash").
MALE_NOUNS = words("man father son husband boy groom brother grandfather widower")
FEMALE_NOUNS = words("woman mother daughter wife girl bride sister grandmother widow")
# Words for an unnamed number of people ("Both said", "Many argued").
GROUP_WORDS = words("both all many some others several most few")
# Nouns for a share of a group ("51 percent of voters", "a majority"): what a poll or a
# source found, not a speaker of its own where a source reports it.
SHARE_NOUNS = words("percent per-cent % majority minority plurality half third quarter share "
                    "proportion fraction")
# Words that keep a capitalised run from being a personal name.
NOT_NAME = words("""
the a an in on at of and but for to by he she it they we i this that after before when if as
while so then because though although since until once unless where with from asked meanwhile
still yet
""")
# Words that cannot head the speaker of a cue-less quotation ("It said", "This shows").
NOT_SPEAKERS = words("it this that there which what these those all")
# The role noun a title before a name stands for ("Sen. Ted Cruz" is "the senator").
TITLE_ROLES = {
    "sen.": "senator", "sen": "senator", "rep.": "representative", "rep": "representative",
    "gov.": "governor", "gov": "governor", "gen.": "general", "prof.": "professor",
    "lt.": "lieutenant", "col.": "colonel", "capt.": "captain", "sgt.": "sergeant",
    "congressman": "congressman representative", "congresswoman": "congresswoman representative",
    "chairman": "chairman chair", "chairwoman": "chairwoman chair",
}
