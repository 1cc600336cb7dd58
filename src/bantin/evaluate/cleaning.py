"""Cleaning evaluation on real scraped pages: how much of the article a cleaner keeps, how much junk it adds.

A corpus is laid out like ``../shared/datasets/realweb-dev``::

    html/<outlet>__<id>.html     the page as saved
    text/<outlet>__<id>.txt      a plain-text dump of the page (one block per line, or html2text Markdown)
    text_modes.json              {"<outlet>__<id>": "bs4-blocks" | "html2text"} (kind of each text dump)
    gold/<outlet>__<id>.json     {"title", "sapo", "paragraphs": [...], ...}: the article as a reader sees it

Every input is cleaned by each system of its kind; the output is compared with the gold:

* text is tokenized into syllables as ROUGE counts them (lower-case runs of letters/digits,
  :func:`bantin.evaluate.rouge.tokenize`), line by line;
* **body recall**: share of gold body paragraphs (the sapo and each paragraph) that are *kept*. A
  paragraph is kept when at least :data:`KEPT_SHARE` (90%) of its syllables lie in a syllable
  n-gram (n = :data:`NGRAM`, 4) that also occurs inside one output line (a paragraph shorter than
  n must occur whole inside an output line). Order inside the n-gram counts; the 10% slack absorbs
  tokenization artefacts of the dumps (html2text writes ``_“đ ã`` for ``“đã``);
* **junk share**: share of output syllables that are *not* gold text. An output syllable is gold
  text when it lies in an n-gram of its line that matches a gold n-gram still unused (gold
  n-grams are counted, so the title printed twice counts once; title, sapo and paragraphs are all
  gold text). A line shorter than n is gold when it occurs whole inside a gold paragraph.

Both are pooled over the files of a group (paragraph counts and syllable counts, not means of
per-file ratios). Groups: input kind (``text bs4-blocks``, ``text html2text``, ``html``) and
outlet (the name before ``__``; baomoi fragments count as one outlet, ``baomoi``, whatever their
original publisher).

Systems: ``bantin`` reads the file with :func:`bantin.ingest.readers.iter_articles` and cleans it
with :func:`bantin.ingest.boilerplate.clean_article` (title + body are its output); ``raw`` is the
input itself (the dump, or every visible text node of the page); on HTML ``trafilatura`` (its
``extract``, tables on, comments off) and ``justext`` (Vietnamese stop list, good paragraphs).
"""
from __future__ import annotations

import json
import logging
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from bantin.evaluate.rouge import tokenize

log = logging.getLogger(__name__)

# Syllable n-gram used to match output to gold. 4 syllables rarely repeat by chance between page
# chrome and an article (3 did: "theo bác sĩ" in a related headline), and one broken syllable
# only uncovers itself and its neighbours within reach of no other n-gram.
NGRAM = 4
# A gold paragraph is kept when this share of its syllables is covered (see the module doc).
KEPT_SHARE = 0.9

KINDS = ("text bs4-blocks", "text html2text", "html")
TEXT_SYSTEMS = ("bantin", "raw")
HTML_SYSTEMS = ("bantin", "trafilatura", "justext", "raw")


@dataclass(frozen=True)
class Gold:
    title: str
    body: tuple[str, ...]  # sapo (when any) then the paragraphs

    @property
    def texts(self) -> tuple[str, ...]:
        return ((self.title,) if self.title else ()) + self.body


@dataclass(frozen=True)
class Item:
    """One input file to clean: its name (``outlet__id``), kind, path and gold."""

    name: str
    outlet: str
    kind: str
    path: Path
    gold: Gold


@dataclass(frozen=True)
class Score:
    paragraphs: int  # gold body paragraphs
    kept: int  # of which kept
    output: int  # output syllables
    junk: int  # of which not gold text

    def __add__(self, other: "Score") -> "Score":
        return Score(self.paragraphs + other.paragraphs, self.kept + other.kept,
                     self.output + other.output, self.junk + other.junk)

    @property
    def recall(self) -> float:
        return self.kept / self.paragraphs if self.paragraphs else 0.0

    @property
    def junk_share(self) -> float:
        return self.junk / self.output if self.output else 0.0


@dataclass
class FileResult:
    item: Item
    system: str
    score: Score
    output: str
    error: str = ""
    lost: list[str] = field(default_factory=list)  # gold paragraphs not kept
    junk_lines: list[str] = field(default_factory=list)  # output lines mostly not gold text


# --------------------------------------------------------------------------- corpus


def load_clean_corpus(root: Path) -> list[Item]:
    """The text and HTML inputs of a realweb-dev-like folder that have a gold file, sorted by kind and name.

    Raises ``ValueError`` naming the folder when it has no ``gold/`` files or no inputs.
    """
    root = Path(root)
    gold_dir = root / "gold"
    golds = sorted(gold_dir.glob("*.json")) if gold_dir.is_dir() else []
    if not golds:
        raise ValueError(f"{root}: no gold/*.json files (expected html/, text/ and gold/ as in realweb-dev)")
    modes_path = root / "text_modes.json"
    modes = json.loads(modes_path.read_text(encoding="utf-8")) if modes_path.exists() else {}
    items = []
    for gold_path in golds:
        name = gold_path.stem
        gold = _load_gold(gold_path)
        outlet = name.split("__", 1)[0]
        text_path = root / "text" / f"{name}.txt"
        if text_path.exists():
            kind = f"text {modes.get(name, 'bs4-blocks')}"
            items.append(Item(name, outlet, kind, text_path, gold))
        for ext in (".html", ".htm"):
            html_path = root / "html" / f"{name}{ext}"
            if html_path.exists():
                items.append(Item(name, outlet, "html", html_path, gold))
                break
    if not items:
        raise ValueError(f"{root}: gold files but no matching text/*.txt or html/*.html inputs")
    order = {kind: k for k, kind in enumerate(KINDS)}
    return sorted(items, key=lambda it: (order.get(it.kind, len(order)), it.name))


def _load_gold(path: Path) -> Gold:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        paragraphs = [p for p in record.get("paragraphs", []) if isinstance(p, str) and p.strip()]
        sapo = record.get("sapo") or ""
        title = record.get("title") or ""
    except (OSError, ValueError, AttributeError) as error:
        raise ValueError(f"{path}: cannot read gold: {error}") from None
    return Gold(title=title.strip(), body=tuple(([sapo.strip()] if sapo.strip() else []) + paragraphs))


# --------------------------------------------------------------------------- scoring


def _line_tokens(text: str) -> list[list[str]]:
    return [tokens for tokens in (tokenize(line) for line in text.split("\n")) if tokens]


def _grams(tokens: Sequence[str], n: int = NGRAM) -> Iterable[tuple[int, tuple[str, ...]]]:
    """(start, gram) of the n-grams of a line, or the whole line when it is shorter than n."""
    if len(tokens) < n:
        yield 0, tuple(tokens)
        return
    for i in range(len(tokens) - n + 1):
        yield i, tuple(tokens[i:i + n])


def _all_grams(lines: Iterable[Sequence[str]], n: int = NGRAM) -> Counter:
    """Every k-gram (k = 1..n) inside each line, counted."""
    counts: Counter = Counter()
    for tokens in lines:
        for k in range(1, n + 1):
            for i in range(len(tokens) - k + 1):
                counts[tuple(tokens[i:i + k])] += 1
    return counts


def _covered(tokens: Sequence[str], available: Counter, clip: bool) -> list[bool]:
    """Which syllables of a line lie in an n-gram found in ``available`` (consumed when ``clip``)."""
    covered = [False] * len(tokens)
    for start, gram in _grams(tokens):
        if available.get(gram, 0) > 0:
            if clip:
                available[gram] -= 1
            for j in range(start, start + len(gram)):
                covered[j] = True
    return covered


def score_output(output: str, gold: Gold) -> tuple[Score, list[str], list[str]]:
    """Score one output against its gold: (score, lost gold paragraphs, junk output lines)."""
    out_lines = _line_tokens(output)
    out_grams = _all_grams(out_lines)
    kept, lost = 0, []
    for paragraph in gold.body:
        tokens = tokenize(paragraph)
        if not tokens:
            continue
        covered = _covered(tokens, out_grams, clip=False)
        if sum(covered) >= KEPT_SHARE * len(tokens):
            kept += 1
        else:
            lost.append(paragraph)
    gold_grams = _all_grams(tokenize(text) for text in gold.texts)
    junk, total, junk_lines = 0, 0, []
    raw_lines = [line for line in output.split("\n") if tokenize(line)]
    for line, tokens in zip(raw_lines, out_lines):
        covered = _covered(tokens, gold_grams, clip=True)
        bad = len(tokens) - sum(covered)
        junk += bad
        total += len(tokens)
        if bad * 2 > len(tokens):
            junk_lines.append(line.strip())
    paragraphs = sum(1 for p in gold.body if tokenize(p))
    return Score(paragraphs, kept, total, junk), lost, junk_lines


# --------------------------------------------------------------------------- systems


def _bantin(item: Item) -> str:
    from bantin.ingest.boilerplate import clean_article
    from bantin.ingest.readers import iter_articles
    from bantin.models import Rejected

    errors: list[Rejected] = []
    parts = []
    for article in iter_articles(str(item.path), errors=errors):
        cleaned = clean_article(article)
        parts.extend(p for p in (cleaned.title, cleaned.text) if p)
    if errors and not parts:
        raise ValueError("; ".join(error.reason for error in errors))
    return "\n".join(parts)


def _read(path: Path) -> str:
    from bantin.ingest.encoding import decode_bytes

    return decode_bytes(path.read_bytes(), str(path)).text


def _raw(item: Item) -> str:
    text = _read(item.path)
    if item.kind != "html":
        return text
    import lxml.html  # every visible text node, one per line: what a page holds before any cleaning

    tree = lxml.html.fromstring(text)
    for node in tree.xpath("//script|//style|//noscript|//template"):
        node.drop_tree()
    return "\n".join(s.strip() for s in tree.itertext() if s.strip())


def _trafilatura(item: Item) -> str:
    import trafilatura  # peer only; bantin's own HTML reading is in bantin.ingest

    return trafilatura.extract(_read(item.path), include_comments=False, include_tables=True) or ""


def _justext(item: Item) -> str:
    import justext  # peer only (installed with trafilatura)

    paragraphs = justext.justext(_read(item.path).encode("utf-8"), justext.get_stoplist("Vietnamese"),
                                 encoding="utf-8")
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


SYSTEMS: dict[str, Callable[[Item], str]] = {
    "bantin": _bantin, "raw": _raw, "trafilatura": _trafilatura, "justext": _justext,
}


def systems_for(kind: str, wanted: Sequence[str] | None = None) -> list[str]:
    names = HTML_SYSTEMS if kind == "html" else TEXT_SYSTEMS
    return [n for n in names if wanted is None or n in wanted]


def evaluate_cleaning(
    items: Sequence[Item], systems: Sequence[str] | None = None,
    on_item: Callable[[int, Item], None] | None = None,
) -> list[FileResult]:
    """Every item cleaned by every system of its kind (``systems`` filters by name) and scored.

    A system that fails on a file scores an empty output for it, with the error recorded.
    """
    results = []
    for index, item in enumerate(items):
        if on_item:
            on_item(index, item)
        for name in systems_for(item.kind, systems):
            error = ""
            try:
                output = SYSTEMS[name](item)
            except (ValueError, OSError, ImportError, LookupError) as exc:
                output, error = "", f"{type(exc).__name__}: {exc}"
                log.warning("%s: %s failed: %s", item.path, name, error)
            score, lost, junk_lines = score_output(output, item.gold)
            results.append(FileResult(item, name, score, output, error, lost, junk_lines))
    return results


# --------------------------------------------------------------------------- reporting


def summarize(results: Sequence[FileResult]) -> list[tuple[str, str, str, int, Score]]:
    """Rows (kind, outlet, system, files, pooled score): each kind's 'all' row first, then its outlets."""
    groups: dict[tuple[str, str, str], list[Score]] = defaultdict(list)
    for result in results:
        groups[(result.item.kind, "all", result.system)].append(result.score)
        groups[(result.item.kind, result.item.outlet, result.system)].append(result.score)
    order = {kind: k for k, kind in enumerate(KINDS)}
    system_order = {name: k for k, name in enumerate(HTML_SYSTEMS)}
    rows = []
    for (kind, outlet, system), scores in groups.items():
        total = sum(scores, Score(0, 0, 0, 0))
        rows.append((kind, outlet, system, len(scores), total))
    rows.sort(key=lambda r: (order.get(r[0], 9), r[1] != "all", r[1], system_order.get(r[2], 9)))
    return rows


def format_table(rows: Sequence[tuple[str, str, str, int, Score]], markdown: bool = False) -> str:
    header = ["input", "outlet", "system", "files", "paragraphs", "recall", "junk", "recall-junk"]
    body = [
        [kind, outlet, system, str(files), str(s.paragraphs), f"{s.recall:.3f}", f"{s.junk_share:.3f}",
         f"{s.recall - s.junk_share:+.3f}"]
        for kind, outlet, system, files, s in rows
    ]
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
        lines += ["| " + " | ".join(row) + " |" for row in body]
        return "\n".join(lines)
    widths = [max(len(r[k]) for r in [header, *body]) for k in range(len(header))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in [header, *body])


def results_to_json(results: Sequence[FileResult], corpus: str) -> dict:
    return {
        "corpus": corpus,
        "ngram": NGRAM,
        "kept_share": KEPT_SHARE,
        "files": [
            {
                "name": r.item.name, "outlet": r.item.outlet, "kind": r.item.kind, "system": r.system,
                "paragraphs": r.score.paragraphs, "kept": r.score.kept, "recall": round(r.score.recall, 4),
                "output_syllables": r.score.output, "junk_syllables": r.score.junk,
                "junk": round(r.score.junk_share, 4), "error": r.error, "lost": r.lost, "junk_lines": r.junk_lines,
            }
            for r in results
        ],
    }
