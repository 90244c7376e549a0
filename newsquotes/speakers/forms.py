"""One person, one name: the full-name forms of a surname made one, and the full name a bare
surname joins."""

from __future__ import annotations

from collections import Counter

from newsquotes.speakers.naming import INITIALS, same_person, spelling_key

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


def clusters(counts: Counter, pinned: set[str],
             spread: dict[str, set[str]] | None = None) -> dict[str, str]:
    """Give {full name: canonical full name}, merging safe spelling variants (`counts`: the
    statements of each full name; `spread`: the articles that give it)."""
    groups: dict[str, list[list[str]]] = {}
    for name in sorted(counts, key=lambda n: (-counts[n], n)):
        found = groups.setdefault(spelling_key(name.split()[-1]), [])
        for members in found:
            both_pinned = name in pinned and any(m in pinned for m in members)
            if not both_pinned and all(same_person(name, m) for m in members):
                members.append(name)
                break
        else:
            found.append([name])
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
    uses = Counter({head: len(found) for head, found in articles.items()})
    moved = _shorter_forms(sorted(uses), uses, pinned)
    return {name: moved.get(head, head) for name, head in canonical.items()}


def _is_initial(word: str) -> bool:
    return bool(INITIALS.fullmatch(word))


def _shorter_forms(heads: list[str], uses: Counter, pinned: set[str]) -> dict[str, str]:
    """Give {name: the ordinary name it is a form of}: a middle name or initial dropped where
    the corpus names the shorter form in as many articles ("Donald J. Trump", "Hillary Rodham
    Clinton" -> "Donald Trump", "Hillary Clinton"; "George W. Bush" stays where "George Bush"
    is in fewer articles: he may be his father), and a given name cut to its initial ("J.
    Trump" -> the one name whose given or middle name starts with J). Two different middles of
    one name ("George W. Bush", "George H. W. Bush") leave both apart."""
    plain = [h for h in heads if len(h.split()) == 2 and not _is_initial(h.split()[0])]
    longer: dict[str, list[str]] = {}
    for head in heads:
        words = head.split()
        if len(words) >= 3 and head not in pinned:
            short = [p for p in plain if same_person(p, f"{words[0]} {words[-1]}")]
            if len(short) == 1:
                longer.setdefault(short[0], []).append(head)
    moved = {}
    for short, forms in longer.items():
        if len({f.split()[1][:1].casefold() for f in forms}) == 1 and (
                uses[short] >= sum(uses[f] for f in forms)):
            moved.update(dict.fromkeys(forms, short))
    for head in heads:
        words = head.split()
        if len(words) == 2 and _is_initial(words[0]) and head not in pinned:
            letter = words[0][0].casefold()
            found = {moved.get(h, h) for h in heads if h != head and not _is_initial(
                h.split()[0]) and any(w[:1].casefold() == letter for w in h.split()[:-1])}
            if len(found) == 1:
                moved[head] = found.pop()
    return moved
