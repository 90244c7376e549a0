"""One person, one name: the full-name forms of a surname made one, and the full name a bare
surname joins."""

from __future__ import annotations

from collections import Counter

from newsquotes.speakers.naming import (
    INITIALS,
    PARTICLES,
    core_words,
    has_suffix,
    is_bare,
    is_full,
    person_bucket,
    same_person,
    spelling_key,
    surname_key,
)

# A bare surname with no full name in its article joins the corpus's full name of that surname
# named in this share of the articles that name someone of that surname in full: "Obama" is
# Barack Obama where Michelle Obama is named in 1 article of 15; "Clinton" stays "Clinton"
# where Bill Clinton is named in 26 articles. Articles, not statements: one long interview of
# a namesake does not outweigh a hundred articles.
SURNAME_SHARE = 0.9


def dominant(heads: set[str], uses: Counter) -> set[str]:
    """Give the one full name that holds at least SURNAME_SHARE of the `uses` (articles) of
    a surname's full names (none where two people share it more evenly)."""
    if not heads:
        return set()
    best = max(sorted(heads), key=lambda h: uses[h])
    return {best} if uses[best] >= SURNAME_SHARE * sum(uses[h] for h in heads) else set()


def article_count(found: set[str], weights: dict[str, int] | None) -> int:
    """Give the articles a set of article ids stands for (`weights`: how many articles each
    id stands for where it stands for several: a kind of article, `speakers.kinds`)."""
    return sum(weights.get(a, 1) for a in found) if weights else len(found)


def clusters(counts: Counter, pinned: set[str], spread: dict[str, set[str]] | None = None,
             surnames: frozenset[str] = frozenset(),
             weights: dict[str, int] | None = None) -> dict[str, str]:
    """Give {full name: canonical full name}, merging safe spelling variants and shorter forms
    (`counts`: the statements of each full name; `spread`: the articles that give it, each
    standing for its `weights` of articles; `surnames`: the corpus's words that end more full
    names than they begin)."""
    groups: dict[str, list[list[str]]] = {}
    # the groups a name may join: only those of its `person_bucket` (same_person holds only
    # within one), in the order they were made
    open_: dict[tuple, list[list[str]]] = {}
    for name in sorted(counts, key=lambda n: (-counts[n], n)):
        found = open_.setdefault((surname_key(name), person_bucket(name)), [])
        for members in found:
            both_pinned = name in pinned and any(m in pinned for m in members)
            if not both_pinned and all(same_person(name, m) for m in members):
                members.append(name)
                break
        else:
            found.append([name])
            groups.setdefault(surname_key(name), []).append(found[-1])
    canonical = {}
    for found in groups.values():
        for members in found:
            fixed = [m for m in members if m in pinned]
            # members are in order of frequency, then alphabetical
            head = fixed[0] if fixed else members[0]
            canonical.update(dict.fromkeys(members, head))
    articles: dict[str, set[str]] = {}
    for name, head in canonical.items():
        articles.setdefault(head, set()).update((spread or {}).get(name, {name}))
    uses = Counter({head: article_count(found, weights) for head, found in articles.items()})
    moved = _shorter_forms(sorted(uses), uses, pinned)
    moved.update(_double_surnames(sorted(uses), surnames, pinned | set(moved), moved))
    return {name: moved.get(head, head) for name, head in canonical.items()}


def _is_initial(word: str) -> bool:
    return bool(INITIALS.fullmatch(word))


def _pick(by_first: list[str], by_middle: list[str], uses: Counter) -> str:
    """Give the one ordinary form a longer name is of: the only one found, or, where the
    given name and the middle name each give one ("Rafael Edward Cruz": "Rafael Cruz", his
    father, and "Ted Cruz"), the one in more articles than the other."""
    found = set(by_first) | set(by_middle)
    if len(found) == 1:
        return found.pop()
    if len(by_first) == 1 and len(by_middle) == 1:
        best, other = sorted(found, key=lambda h: (-uses[h], h))
        return best if uses[best] > uses[other] else ""
    return ""


def _short_form(head: str, plain: list[str], fathers: set[tuple[str, str]],
                uses: Counter) -> str:
    """Give the two-word name `head` is a longer form of, or "": without its middle name or
    initial, or known by its middle name ("Rafael Edward Cruz" is "Ted Cruz") or by the
    initials of its names ("John Ellis Bush" is "Jeb Bush"), and without a
    generational suffix where the corpus names no one of that exact given name and surname
    without it ("Joseph R. Biden Jr" is "Joe Biden"; "Piotr Halvan Jr" beside "Piotr Halvan"
    is his son)."""
    words = core_words(head)
    suffixed = has_suffix(head)
    if len(words) < 2 or (len(words) == 2 and not suffixed) or (
            suffixed and (spelling_key(words[0]), spelling_key(words[-1])) in fathers):
        return ""
    by_first = [p for p in plain if same_person(p, f"{words[0]} {words[-1]}")]
    known_by_middle = len(words) == 3 and words[1][:1].isupper() and not _is_initial(words[1])
    # known by the middle name where that form is in more articles (else "Vask Orlov" may be
    # a double surname used alone, or "Orlov" the father's surname of "Vask Orlov")
    by_middle = [p for p in plain if known_by_middle and uses[p] > uses[head]
                 and same_person(p, f"{words[1]} {words[-1]}")]
    # known by the initials of the names ("John Ellis Bush" is "Jeb Bush")
    initials = "".join(w[0] for w in words).casefold() if known_by_middle else ""
    by_middle += [p for p in plain if initials and p.split()[0].casefold() == initials
                  and spelling_key(p.split()[-1]) == spelling_key(words[-1])]
    return _pick(by_first, by_middle, uses)


def _shorter_forms(heads: list[str], uses: Counter, pinned: set[str]) -> dict[str, str]:
    """Give {name: the ordinary name it is a form of}: a middle name or initial or a suffix
    dropped where the corpus names the shorter form in as many articles ("Donald J. Trump",
    "Hillary Rodham Clinton" -> "Donald Trump", "Hillary Clinton"; "George W. Bush" stays
    where "George Bush" is in fewer articles: he may be his father, see `_short_form`), a given
    name cut to its initial ("J. Trump" -> the one name whose given or middle name starts with
    J). Two different middles of one name ("George W. Bush", "George H. W. Bush") leave both
    apart."""
    plain = [h for h in heads if len(h.split()) == 2 and not _is_initial(h.split()[0])
             and not has_suffix(h)]
    fathers = {(spelling_key(h.split()[0]), spelling_key(h.split()[-1])) for h in plain}
    longer: dict[str, list[str]] = {}
    for head in heads:
        short = "" if head in pinned else _short_form(head, plain, fathers, uses)
        if short:
            longer.setdefault(short, []).append(head)
    moved = {}
    for short, forms in longer.items():
        # the middle initials of the forms that keep the given name (not "Burns Hillary
        # Clinton", which is known by its second word)
        cores = [core_words(f) for f in forms]
        middles = {w[1][:1].casefold() for w in cores
                   if len(w) >= 3 and same_person(short, f"{w[0]} {w[-1]}")}
        if len(middles) <= 1 and uses[short] >= sum(uses[f] for f in forms):
            moved.update(dict.fromkeys(forms, short))
    for head in heads:
        words = head.split()
        if len(words) == 2 and _is_initial(words[0]) and head not in pinned:
            letter = words[0][0].casefold()
            found = {moved.get(h, h) for h in heads if h != head and not _is_initial(
                h.split()[0]) and any(w[:1].casefold() == letter for w in core_words(h)[:-1])}
            if len(found) == 1:
                moved[head] = found.pop()
    return moved


def forms_joined(canonical: dict[str, str], places: frozenset[str]) -> dict[str, str]:
    """Give `canonical` with a surname led by a particle ("De Blasio") joined to the one full
    name that ends in it ("Bill de Blasio"; "Van Jackson" is no form of "Troy Jackson"), and a
    place before a full name the corpus gives alone dropped ("Ukraine Kurt Volker")."""
    heads = set(canonical.values())
    for name, head in canonical.items():
        words = name.split()
        if head != name:
            continue
        if words[0].lower() in PARTICLES:
            longer = {h for h in heads if len(h.split()) > len(words)
                      and h.casefold().endswith(" " + name.casefold())}
            if len(longer) == 1:
                canonical[name] = longer.pop()
        elif len(words) > 2 and words[0].casefold() in places:
            canonical[name] = canonical.get(" ".join(words[1:]), name)
    return canonical


def _double_surnames(heads: list[str], surnames: frozenset[str], fixed: set[str],
                     moved: dict[str, str]) -> dict[str, str]:
    """Give {two words: the one longer name they end} where the first of the two is a surname
    in the corpus: a double surname used alone ("Vask Orlov", "Orlov" ending "Tavi Orlov"
    elsewhere, is "Debra Vask Orlov"; "Mira Halvan" is no form of "Gold Mira Halvan")."""
    tails: dict[str, list[str]] = {}
    for head in heads:
        words = head.split()
        if len(words) >= 3 and not has_suffix(head):
            tails.setdefault(" ".join(words[-2:]).casefold(), []).append(head)
    found = {}
    for name in heads:
        words = name.split()
        longer = tails.get(name.casefold(), [])
        if len(words) == 2 and words[0].casefold() in surnames and name not in fixed and (
                len(longer) == 1):
            found[name] = moved.get(longer[0], longer[0])
    return found


def given_name_key(name: str, kind: str, article_full: list[str]) -> str:
    """Give, for a bare given name ("Lou" where the article's one "Lou" is "Lou Jiwei"), the
    surname key of the one full name of its article that it begins; else ""."""
    if kind not in ("person", "") or not is_bare(name, kind):
        return ""
    key = spelling_key(name)
    if any(surname_key(full) == key for full in article_full):
        return ""
    found = {surname_key(full) for full in article_full if spelling_key(full.split()[0]) == key}
    return found.pop() if len(found) == 1 else ""


def _given_joined(name: str, kind: str, article_full: list[str],
                  canonical: dict[str, str]) -> str:
    """Give the full name a bare given name stands for in its article (`given_name_key`)."""
    key = given_name_key(name, kind, article_full)
    heads = {canonical[f] for f in article_full if surname_key(f) == key
             and spelling_key(f.split()[0]) == spelling_key(name)} if key else set()
    return heads.pop() if len(heads) == 1 else ""


def surnames_joined(speakers: list[str], names: tuple[str, ...], types: list[str],
                    articles: list[str], forced: tuple[bool, ...], canonical: dict[str, str],
                    spread: dict[str, set[str]],
                    known: tuple[set[str], frozenset[str], frozenset[str]],
                    given_types: list[str], weights: dict[str, int] | None = None,
                    places: frozenset[str] = frozenset()) -> list[str]:
    """Give each row's name: its full name's canonical form, or, for a bare surname, the full
    name its article gives that surname, else the one that holds nearly all the corpus's
    articles naming someone of that surname; for a bare given name, the one full name its
    article begins with it, else no one ("" where no full name ends in it); else the name as
    it is (`known`: the places, never surnames, and the corpus's given names and surnames: a
    full name led by a surname, "Davis Manafort", is no rival for a bare "Manafort"). A bare
    given name joins only a full name its row's `given_types` (the types extracted, as
    `given_name_key` reads them) make one, so that a group settles as its key says
    (`weights`: the articles each article id stands for, as `clusters` takes them). A bare
    name typed a group or a body ("Democrats") never joins a full name led by a corpus place
    ("Iowa Democrats"): that is a body of the place, whatever a "she" made it."""
    blocked, given_names, surnames = known
    by_surname: dict[str, set[str]] = {}
    uses: dict[str, set[str]] = {}  # the articles that name each canonical full name
    for full, head in canonical.items():
        by_surname.setdefault(surname_key(full), set()).add(head)
        uses.setdefault(head, set()).update(spread[full])
    in_article: dict[str, set[str]] = {}
    full_in: dict[str, list[str]] = {}  # each article's full names as it gives them
    for name, article, extracted in zip(names, articles, given_types, strict=True):
        if name in canonical:
            in_article.setdefault(article, set()).add(canonical[name])
            if is_full(name, extracted):
                full_in.setdefault(article, []).append(name)
    counts = Counter({head: article_count(found, weights) for head, found in uses.items()})
    result = []
    for raw, name, kind, article, fixed in zip(speakers, names, types, articles, forced,
                                               strict=True):
        if name in canonical or fixed:
            result.append(canonical.get(name, name))
            continue
        given = _given_joined(name, kind, full_in.get(article, []), canonical)
        # "The Hill" is a body's name, not the surname of "Capitol Hill"
        if not given and is_bare(name, kind) and name.casefold() not in blocked and (
                not raw.lower().startswith("the ")):
            heads = by_surname.get(surname_key(name), set())
            if kind in ("group", "organisation"):
                heads = {h for h in heads if h.split()[0].casefold() not in places}
            local = heads & in_article.get(article, set())
            rivals = {h for h in heads if h.split()[0].casefold() not in surnames} or heads
            decided = local if len(local) == 1 else () if local else dominant(rivals, counts)
            given = next(iter(decided)) if decided else ""
            if not given and not heads and kind in ("person", "") and (
                    name.casefold() in given_names):
                result.append("")  # "Donald": a given name alone names no one
                continue
        result.append(given or name)
    return result
