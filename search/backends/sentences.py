"""Snippets as whole sentences: the best sentence or two of a body, matches marked.

Backend-neutral: a backend gives the body and the character spans of its matches (Whoosh
from its highlighter, PostgreSQL from ts_headline); this module splits the body into
sentences, keeps the one or two with the most matches (the first ones when nothing in
the body matched), cuts a very long sentence at word boundaries with "…", and returns
the parts for highlighted(), which escapes every text.

Lines are sentences too: a document's body joins its fields and linked names with line
breaks, and a heading or a list of method names has no full stop.
"""

import re

from . import BETWEEN_FRAGMENTS, SNIPPET_LENGTH, highlighted

ELLIPSIS = "…"
# A sentence ends at a line break, or at . ! ? (and closing quotes or brackets) followed
# by space and something that does not start with a small letter: "t.ex. skola" and
# "bl.a. polisen" go on.
SENTENCE_END = re.compile(r"\n+|(?:(?<=[.!?])|(?<=[.!?][\"”’)\]]))\s+(?=[^\sa-zåäö])")
# One sentence is cut to this length; a second one is added while both fit in the budget.
SENTENCE_LENGTH = SNIPPET_LENGTH
SNIPPET_BUDGET = SNIPPET_LENGTH * 3 // 2
CONTEXT = 60  # characters kept before the first match when a long sentence is cut


def sentences(text):
    """(start, end) of each non-empty sentence of a text, without surrounding space."""
    start = 0
    for boundary in [*SENTENCE_END.finditer(text), None]:
        end = boundary.start() if boundary else len(text)
        piece = text[start:end]
        stripped = piece.strip()
        if stripped:
            left = start + len(piece) - len(piece.lstrip())
            yield left, left + len(stripped)
        if boundary:
            start = boundary.end()


def _score(text, sentence, spans):
    inside = [(s, e) for s, e in spans if sentence[0] <= s and e <= sentence[1]]
    distinct = {text[s:e].lower() for s, e in inside}
    return len(distinct), len(inside)


def _cut(text, sentence, spans, length):
    """A sentence no longer than `length`, cut at word boundaries around its first match,
    with "…" where it was cut: (start, end, cut before, cut after)."""
    start, end = sentence
    if end - start <= length:
        return start, end, False, False
    inside = [s for s, e in spans if start <= s and e <= end]
    if inside and inside[0] - start > length - CONTEXT:
        start = max(start, inside[0] - CONTEXT)
        space = text.find(" ", start, inside[0])
        start = space + 1 if space != -1 else start
    stop = start + length
    space = text.rfind(" ", start, stop)
    if space > start:
        stop = space
    # Never cut through a match.
    for s, e in spans:
        if s < stop < e:
            stop = s
    return start, stop, start > sentence[0], True


def pick(text, spans):
    """The (start, end, cut before, cut after) of the sentences to show, in text order."""
    spans = sorted(spans)
    found = list(sentences(text))
    if not found:
        return []
    scored = [(_score(text, sentence, spans), sentence) for sentence in found]
    matched = [item for item in scored if item[0][0]]
    if matched:
        best = sorted(matched, key=lambda item: (-item[0][0], -item[0][1], item[1][0]))
        chosen = [sentence for _score_, sentence in best[:2]]
    else:
        chosen = found[:2]
    first = _cut(text, chosen[0], spans, SENTENCE_LENGTH)
    picked = [first]
    if len(chosen) > 1:
        second = chosen[1]
        if (first[1] - first[0]) + (second[1] - second[0]) <= SNIPPET_BUDGET:
            picked.append((*second, False, False))
    return sorted(picked)


def snippet(text, spans=()):
    """The best sentence or two of `text` as escaped markup, `spans` marked."""
    spans = sorted(spans)
    parts = []
    for number, (start, end, cut_before, cut_after) in enumerate(pick(text, spans)):
        if number:
            parts.append((BETWEEN_FRAGMENTS, False))
        if cut_before:
            parts.append((ELLIPSIS, False))
        index = start
        for s, e in spans:
            if s < index or e > end:
                continue
            parts += [(text[index:s], False), (text[s:e], True)]
            index = e
        parts.append((text[index:end], False))
        if cut_after:
            parts.append((ELLIPSIS, False))
    return highlighted(parts)
