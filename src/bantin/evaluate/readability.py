"""What a reader sees in a summary, checked sentence by sentence (issue 9, "Measure what readers see").

Per summary (:func:`check_summary`), each a yes/no:

* ``lede``: the first sentence is a lede -- it is, or closely matches, some article's first
  sentence (the sapo when there is one) or the first sentence of its body (the paragraph after a
  sapo), or it states the article's title. "Closely": the two share half of the syllable bigrams
  of the longer one (:data:`LEDE_OVERLAP`); "states the title": it has :data:`TITLE_OVERLAP` of
  the title's bigrams;
* ``non_sentence``: some sentence is a heading, caption, menu, prompt, credit or markup
  (:func:`bantin.text.checks.is_non_sentence`);
* ``orphan_opener``: some sentence opens with a dependent opener (connective, reference, first
  person: :func:`~bantin.text.checks.dependent_opener`) and the summary sentence before it is not
  the article sentence before it (headings and captions in between skipped);
* ``quote_no_speaker``: some sentence quotes speech without naming who speaks
  (:func:`~bantin.text.checks.quote_without_speaker`);
* ``unanchored_time``: the summary's sentences come from articles published on different days (in
  Vietnam time) and some sentence has a day-relative time ("hôm qua", "sáng nay", a bare weekday)
  with no date (:func:`~bantin.text.checks.relative_times`); ``mixes_days`` says whether the
  summary could have the problem at all (undated articles -- AbMuSu -- never do);
* ``long_sentence``: some sentence is over 60 syllables (:data:`~bantin.text.checks.LONG_SENTENCE`).

A summary given as one string is cut back into the system's sentences by matching the article
sentences (raw, as the summarizer cleans them, without a discursive opener, with anchored times)
at each position, so a heading stays a unit of its own even when the system joined it with a space.
:func:`readability_table` gives the rates over summaries for each system, beside ROUGE.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from bantin.models import Article
from bantin.text import split_sentences, syllables as syllable_tokens
from bantin.text.checks import (
    LONG_SENTENCE, anchor_relative, dependent_opener, drop_discursive_opener, is_non_sentence,
    quote_without_speaker, relative_times, syllables,
)

LEDE_OVERLAP = 0.5  # shared bigrams / bigrams of the longer sentence: "closely matches" a first sentence
TITLE_OVERLAP = 0.6  # share of a title's bigrams in the sentence: it states the headline
MATCH_OVERLAP = 0.6  # a summary sentence found in no article verbatim is traced to the closest one above this
READABILITY_NOTE = (
    "note: checks on whole summaries as the systems print them (not cut at the budget); "
    "'mixing days' = summaries whose sentences come from articles published on different days "
    "(only those can have an unanchored time; undated corpora have none)"
)
CHECKS = ("lede", "non_sentence", "orphan_opener", "quote_no_speaker", "unanchored_time", "long_sentence")
LABELS = {
    "lede": "opens with lede",
    "non_sentence": "non-sentence",
    "orphan_opener": "orphan opener",
    "quote_no_speaker": "quote w/o speaker",
    "unanchored_time": "unanchored time",
    "long_sentence": "sentence > 60 syl.",
}


@dataclass(frozen=True)
class SentenceCheck:
    """One summary sentence: where it comes from and what is wrong with it."""

    text: str
    sources: tuple[tuple[int, int], ...]  # (article position, sentence index) it was found at
    non_sentence: str | None = None
    opener: str | None = None
    orphan: bool = False
    quote: str | None = None
    times: tuple[str, ...] = ()
    syllables: int = 0


@dataclass(frozen=True)
class SummaryCheck:
    """The checks of one summary (see the module doc)."""

    sentences: tuple[SentenceCheck, ...]
    lede: bool
    mixes_days: bool
    flags: Mapping[str, bool] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            **{name: bool(self.flags[name]) for name in CHECKS},
            "mixes_days": self.mixes_days,
            "problems": [
                {k: v for k, v in (
                    ("sentence", s.text), ("non_sentence", s.non_sentence),
                    ("orphan_opener", s.opener if s.orphan else None), ("quote_no_speaker", s.quote),
                    ("relative_times", list(s.times) if s.times else None),
                    ("syllables", s.syllables if s.syllables > LONG_SENTENCE else None),
                ) if v}
                for s in self.sentences
                if s.non_sentence or s.orphan or s.quote or s.times or s.syllables > LONG_SENTENCE
            ],
        }


def _bigrams(text: str) -> frozenset:
    tokens = syllable_tokens(text)
    return frozenset(zip(tokens, tokens[1:])) if len(tokens) > 1 else frozenset((t,) for t in tokens)


def _overlap(a: frozenset, b: frozenset) -> float:
    """Shared bigrams over the shorter set's (containment of the shorter in the longer)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _similar(a: frozenset, b: frozenset) -> float:
    """Shared bigrams over the longer set's: both sentences say mostly the same thing."""
    if not a or not b:
        return 0.0
    return len(a & b) / max(len(a), len(b))


@dataclass
class _ArticleIndex:
    """The cluster's article sentences and the forms a summarizer may print them in."""

    articles: Sequence[Article]
    sentences: list[list[str]]
    forms: dict[str, set[tuple[int, int]]]
    bigrams: list[tuple[tuple[int, int], frozenset]]
    ledes: list[frozenset]  # bigrams of the articles' first sentences
    titles: list[frozenset]
    previous: dict[tuple[int, int], tuple[int, int]]  # the real sentence before (headings, captions skipped)

    @classmethod
    def build(cls, articles: Sequence[Article]) -> "_ArticleIndex":
        from bantin.summarize.compress import clean_sentence

        sentences = [split_sentences(a.text) if a.text.strip() else [] for a in articles]
        forms: dict[str, set[tuple[int, int]]] = {}
        bigrams = []
        ledes: list[frozenset] = []
        titles: list[frozenset] = []
        previous: dict[tuple[int, int], tuple[int, int]] = {}
        for k, (article, found) in enumerate(zip(articles, sentences)):
            last = None
            for i, raw in enumerate(found):
                if last is not None:
                    previous[(k, i)] = last
                if is_non_sentence(raw) is None:
                    last = (k, i)
                clean = clean_sentence(raw)
                for form in {raw, clean, drop_discursive_opener(clean), anchor_relative(clean, article.published),
                             anchor_relative(drop_discursive_opener(clean), article.published)}:
                    if form:
                        forms.setdefault(form, set()).add((k, i))
                bigrams.append(((k, i), _bigrams(raw)))
            if article.title.strip():
                titles.append(_bigrams(article.title))
            ledes.extend(_bigrams(s) for s in _first_sentences(article.text))
        return cls(articles, sentences, forms, bigrams, ledes, titles, previous)

    def locate(self, sentence: str) -> tuple[tuple[int, int], ...]:
        if sentence in self.forms:
            return tuple(sorted(self.forms[sentence]))
        grams = _bigrams(sentence)
        best = max(((_overlap(grams, b), where) for where, b in self.bigrams), default=(0.0, None))
        return (best[1],) if best[1] is not None and best[0] >= MATCH_OVERLAP else ()

    def split(self, summary: str) -> list[str]:
        """The summary cut into the units the system printed (see the module doc)."""
        text = summary.strip()
        by_start: dict[str, list[str]] = {}
        for form in self.forms:
            by_start.setdefault(form[:12], []).append(form)
        units, position = [], 0
        while position < len(text):
            while position < len(text) and text[position].isspace():
                position += 1
            if position >= len(text):
                break
            matches = [f for f in by_start.get(text[position: position + 12], ()) if text.startswith(f, position)]
            if matches:
                unit = max(matches, key=len)
            else:
                unit = split_sentences(text[position:])[0]
                unit = text[position: text.index(unit, position) + len(unit)] if unit in text[position:] else unit
            units.append(unit.strip())
            position += len(unit)
        return [u for u in units if u]


def _first_sentences(text: str) -> list[str]:
    """The first real sentence of the text and of its second paragraph (the body after a sapo)."""
    out = []
    paragraphs = [p for p in text.split("\n") if p.strip()]
    for paragraph in paragraphs[:2]:
        real = [s for s in split_sentences(paragraph) if is_non_sentence(s) is None]
        if real:
            out.append(real[0])
    return out


def _vn_day(article: Article):
    from bantin.ingest.dates import VN_TZ

    if article.published is None:
        return None
    published = article.published
    if published.tzinfo is not None:
        published = published.astimezone(VN_TZ)
    return published.date()


def check_summary(summary: str | Sequence[str], articles: Sequence[Article], index: _ArticleIndex | None = None) -> SummaryCheck:
    """Every check of one summary of ``articles`` (a string, or the system's sentences)."""
    index = index or _ArticleIndex.build(articles)
    units = index.split(summary) if isinstance(summary, str) else [s.strip() for s in summary if s.strip()]
    located = [index.locate(u) for u in units]
    days = {_vn_day(articles[k]) for where in located for k, _ in where[:1]}
    mixes_days = len({d for d in days if d is not None}) > 1
    checks = []
    for n, (unit, where) in enumerate(zip(units, located)):
        opener = dependent_opener(unit)
        orphan = False
        if opener is not None:
            before = set(located[n - 1]) if n else set()
            orphan = not any(index.previous.get(where_one) in before for where_one in where)
        times = tuple(t.text for t in relative_times(unit) if t.unit == "day")
        checks.append(SentenceCheck(
            text=unit, sources=where, non_sentence=is_non_sentence(unit),
            opener=opener[0] if opener else None, orphan=orphan, quote=quote_without_speaker(unit),
            times=times if mixes_days else (), syllables=syllables(unit),
        ))
    lede = False
    if units:
        first = _bigrams(units[0])
        lede = any(_similar(first, b) >= LEDE_OVERLAP for b in index.ledes) or any(
            len(first & t) >= TITLE_OVERLAP * len(t) for t in index.titles if t
        )
    flags = {
        "lede": lede,
        "non_sentence": any(c.non_sentence for c in checks),
        "orphan_opener": any(c.orphan for c in checks),
        "quote_no_speaker": any(c.quote for c in checks),
        "unanchored_time": any(c.times for c in checks),
        "long_sentence": any(c.syllables > LONG_SENTENCE for c in checks),
    }
    return SummaryCheck(tuple(checks), lede, mixes_days, flags)


@dataclass(frozen=True)
class ReadabilityRates:
    """One system over a corpus: the share of summaries with each flag (x100 in tables)."""

    name: str
    summaries: int
    counts: Mapping[str, int]
    mixing_days: int

    def rate(self, check: str) -> float:
        return self.counts.get(check, 0) / self.summaries if self.summaries else 0.0

    def to_dict(self) -> dict:
        return {
            "name": self.name, "summaries": self.summaries, "mixing_days": self.mixing_days,
            **{check: self.rate(check) for check in CHECKS},
        }


def rates(name: str, checks: Iterable[SummaryCheck]) -> ReadabilityRates:
    counts: Counter = Counter()
    total = mixing = 0
    for check in checks:
        total += 1
        mixing += check.mixes_days
        counts.update(name for name in CHECKS if check.flags[name])
    return ReadabilityRates(name, total, dict(counts), mixing)


def readability_of(
    summaries: Mapping[str, Sequence[tuple[str, str | Sequence[str]]]], clusters: Mapping[str, Sequence[Article]],
) -> tuple[list[ReadabilityRates], dict[str, dict[str, SummaryCheck]]]:
    """Rates per system and the checks per (system, cluster) for ``{system: [(cluster id, summary)]}``."""
    indexes: dict[str, _ArticleIndex] = {}
    per: dict[str, dict[str, SummaryCheck]] = {}
    for name, items in summaries.items():
        per[name] = {}
        for cluster_id, summary in items:
            if cluster_id not in indexes:
                indexes[cluster_id] = _ArticleIndex.build(clusters[cluster_id])
            per[name][cluster_id] = check_summary(summary, clusters[cluster_id], indexes[cluster_id])
    return [rates(name, per[name].values()) for name in summaries], per


def format_readability_table(results: Sequence[ReadabilityRates], markdown: bool = False) -> str:
    """% of summaries with each property, one row per system (``lede``: higher is better; others lower)."""
    header = ["system", "summaries"] + [LABELS[c] + " %" for c in CHECKS] + ["mixing days"]
    rows = [
        [r.name, str(r.summaries)] + [f"{100 * r.rate(c):.1f}" for c in CHECKS] + [str(r.mixing_days)]
        for r in results
    ]
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|"]
        return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]

    def line(row: list[str]) -> str:
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths)))

    return "\n".join([line(header)] + [line(row) for row in rows])


def readability_of_results(results, clusters) -> tuple[list[ReadabilityRates], dict[str, dict[str, SummaryCheck]]]:
    """:func:`readability_of` for ``summaries.SystemResult`` values on the clusters they were run on."""
    articles = {c.id: c.articles for c in clusters}
    return readability_of({r.name: [(c.cluster_id, c.summary) for c in r.clusters] for r in results}, articles)
