"""Train the page-dump line classifier (:mod:`bantin.ingest.lines`) and measure it leaving one outlet out.

    python -m bantin.ingest.train_lines --loo         # leave-one-outlet-out table (no model written)
    python -m bantin.ingest.train_lines               # train on everything, write bantin/data/line_classifier.json

Training lines:

* the realweb-dev text dumps (``../shared/datasets/realweb-dev/text``): a line is body when at
  least half of its syllables lie in gold body 4-grams (sapo + paragraphs; the title is not body:
  it is recovered separately), chrome otherwise;
* AbMuSu-train articles (and VMDS bodies cut into paragraphs of three sentences) wrapped in real
  page chrome taken from the training dumps: the lines above a dump's first body line as the page
  head, the lines after its last body line as the foot, and the chrome lines between body lines
  (captions, author lines, inline related links) dropped between paragraphs. This teaches the
  model many more bodies (short inter-titles, lists, quotes) than 38 pages hold.

Leave-one-outlet-out: for each outlet (the file-name prefix; the 20 baomoi fragments are one
outlet, ``baomoi``, whatever their original publisher), the model is trained on the other
outlets' dumps and on synthetic pages built from their chrome only, then the held-out outlet's
dumps are read and cleaned by bantin exactly as shipped (reader + rules + that model) and scored with :func:`bantin.evaluate.cleaning.score_output` (title + kept
body against the gold). Scores pool all held-out dumps per input kind and per outlet.

Everything is deterministic (fixed seed, sorted inputs).
"""
from __future__ import annotations

import argparse
import json
import logging
import random
import sys
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from bantin.evaluate.cleaning import SYSTEMS, Gold, Item, Score, _all_grams, _covered, load_clean_corpus, score_output
from bantin.evaluate.rouge import tokenize
from bantin.ingest.lines import LineModel, context_features, line_features, parse_lines
from bantin.ingest.markup import MarkedLine, parse_line
from bantin.summarize.model import Logistic
from bantin.summarize.train import fit_logistic

log = logging.getLogger(__name__)

SEED = 29
DEFAULT_OUTPUT = Path(__file__).resolve().parents[1] / "data" / "line_classifier.json"
# Synthetic pages per training run: ~2 per AbMuSu cluster's first article; more adds time, not signal.
SYNTHETIC_PAGES = 300
# A line is body when this share of its syllables is gold body text.
BODY_SHARE = 0.5
THRESHOLD = 0.5  # P(body) cut; not tuned (the LOO table reports this one value)


@dataclass(frozen=True)
class Page:
    name: str
    outlet: str
    kind: str
    lines: tuple[MarkedLine, ...]
    labels: tuple[int, ...]
    gold: Gold | None = None
    item: Item | None = None


def label_lines(lines: Sequence[MarkedLine], gold: Gold) -> list[int]:
    """1 for body lines (>= BODY_SHARE of syllables in unused gold body 4-grams), else 0."""
    available = _all_grams(tokenize(p) for p in gold.body)
    labels = []
    for line in lines:
        tokens = tokenize(line.text)
        if not tokens:
            labels.append(0)
            continue
        covered = _covered(tokens, available, clip=True)
        labels.append(int(sum(covered) >= BODY_SHARE * len(tokens)))
    return labels


def load_pages(root: Path) -> list[Page]:
    pages = []
    for item in load_clean_corpus(root):
        if item.kind == "html":
            continue
        text = item.path.read_text(encoding="utf-8", errors="replace")
        lines = parse_lines(text)
        pages.append(Page(item.name, item.outlet, item.kind, tuple(lines), tuple(label_lines(lines, item.gold)),
                          item.gold, item))
    return pages


def _chrome_parts(page: Page) -> tuple[list[MarkedLine], list[MarkedLine], list[MarkedLine]]:
    """(head, inner, foot) chrome lines of a labelled dump."""
    body = [k for k, y in enumerate(page.labels) if y]
    if not body:
        return list(page.lines), [], []
    first, last = body[0], body[-1]
    head = list(page.lines[:first])
    inner = [line for k, line in enumerate(page.lines[first:last + 1], start=first) if not page.labels[k]]
    foot = list(page.lines[last + 1:])
    return head, inner, foot


def _bodies() -> list[tuple[str, list[str]]]:
    """(title, paragraphs) of AbMuSu-train articles and VMDS bodies, in corpus order."""
    from bantin.evaluate.corpora import corpus_path, load_abmusu, load_vmds
    from bantin.text import split_sentences

    out = []
    path = corpus_path("abmusu")
    if path is not None:
        for cluster in load_abmusu(path):
            for article in cluster.articles[:2]:
                paragraphs = [p.strip() for p in article.text.split("\n") if p.strip()]
                if len(paragraphs) >= 2:
                    out.append((article.title, paragraphs))
    path = corpus_path("vmds")
    if path is not None:
        for cluster in load_vmds(path):
            article = cluster.articles[0]
            sentences = [s for line in article.text.split("\n") for s in split_sentences(line)]
            paragraphs = [" ".join(sentences[k:k + 3]) for k in range(0, len(sentences), 3)]
            if len(paragraphs) >= 2:
                out.append((article.title, paragraphs))
    return out


# Synthetic page furniture that 38 dumps hold too few of (two pages have reader comments, both from
# one outlet, so leaving that outlet out left none): words any Vietnamese news site prints around
# reader comments, related boxes and photo credits. The text inside them (comments, teasers,
# captions) is prose taken from other articles, so the model learns the block's shape and place,
# not its words.
COMMENT_HEADERS = ("Ý kiến bạn đọc", "Ý kiến bạn đọc ({n})", "Bình luận", "Bình luận ({n})", "{n} bình luận",
                   "Ý kiến ({n})", "Bình luận của bạn", "Gửi bình luận", "Phản hồi")
COMMENT_FURNITURE = ("Thích | {n}", "Trả lời", "Thích Trả lời", "{n} thích", "Thích ({n})", "Báo vi phạm",
                     "Xem thêm bình luận", "Hiển thị thêm nội dung")
COMMENT_NAMES = ("Minh", "Hoàng Nam", "Lan Anh", "Nguyễn Văn Hùng", "Trần Thu Hà", "Tuấn", "Bạn đọc", "Quang Huy",
                 "Thanh Hương", "Phạm Đức")
RELATED_HEADERS = ("Tin liên quan", "Tin khác", "Xem thêm", "Đọc thêm", "Cùng chuyên mục", "Tin cùng chuyên mục",
                   "Có thể bạn quan tâm", "Tin mới", "Đọc nhiều", "Bài viết liên quan")
CREDITS = ("Reuters", "AFP", "TTXVN", "AP", "Bloomberg", "Getty Images", "Xinhua", "N.H.", "Minh Anh", "T.L.",
           "Internet", "BTC")
# Chances that a synthetic page has a comment block, a related-teaser run; of a caption after a paragraph.
COMMENT_RATE = 0.3
TEASER_RATE = 0.4
CAPTION_RATE = 0.15
INTERTITLE_RATE = 0.1  # a sub-heading above a paragraph (label: body)


def _sentences(paragraphs: Sequence[str]) -> list[str]:
    from bantin.text import split_sentences

    return [s for p in paragraphs for s in split_sentences(p)]


def _time_line(rng: random.Random) -> str:
    return rng.choice((f"{rng.randint(1, 59)} phút trước", f"{rng.randint(1, 23)} giờ trước",
                       f"{rng.randint(1, 9)} ngày trước",
                       f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/20{rng.randint(10, 26)} {rng.randint(0, 23):02d}:"
                       f"{rng.randint(0, 59):02d}"))


def _username(rng: random.Random) -> str:
    name = rng.choice(COMMENT_NAMES)
    if rng.random() < 0.4:
        from bantin.text.normalize import fold_diacritics

        return fold_diacritics(name).replace(" ", "").lower() + str(rng.randint(1, 999))
    return name


def _comment_block(rng: random.Random, bodies, markdown: bool) -> list[str]:
    """A reader-comment box: a header, then 2-5 comments (prose of other articles, a name, a time, buttons)."""
    out = [rng.choice(COMMENT_HEADERS).format(n=rng.randint(1, 300))]
    for _ in range(rng.randint(2, 5)):
        sentences = _sentences(bodies[rng.randrange(len(bodies))][1])
        start = rng.randrange(len(sentences)) if sentences else 0
        text = " ".join(sentences[start:start + rng.randint(1, 3)])
        parts = [text, _username(rng), _time_line(rng)]
        if rng.random() < 0.5:
            parts.insert(0, parts.pop(1))  # name above the comment
        if rng.random() < 0.6:
            parts.append(rng.choice(COMMENT_FURNITURE).format(n=rng.randint(1, 900)))
        out.extend(p for p in parts if p)
    return out


def _teaser_run(rng: random.Random, bodies, markdown: bool) -> list[str]:
    """A related box: maybe a header, then 3-7 headlines of other articles, each maybe with its lead sentence
    (whole or cut short with '...')."""
    out = [rng.choice(RELATED_HEADERS)] if rng.random() < 0.6 else []
    style = rng.randrange(3)  # 0: headlines only, 1: headline + teaser, 2: headline + cut teaser
    for _ in range(rng.randint(3, 7)):
        title, paragraphs = bodies[rng.randrange(len(bodies))]
        if not title:
            continue
        out.append(f"[{title}](/tin-{rng.randint(1000, 99999)}.html)" if markdown and rng.random() < 0.7 else title)
        sentences = _sentences(paragraphs)
        if style and sentences:
            lead = sentences[0]
            if style == 2:
                words = lead.split()
                lead = " ".join(words[:rng.randint(12, 30)]).rstrip(".,;:") + " ..."
            out.append(lead)
    return out


def _caption(rng: random.Random, bodies, markdown: bool) -> str:
    sentences = [s for s in _sentences(bodies[rng.randrange(len(bodies))][1]) if len(s.split()) <= 30]
    if not sentences:
        return ""
    text = sentences[rng.randrange(len(sentences))].rstrip(".")
    credit = rng.choice(CREDITS)
    caption = rng.choice((f"{text}. Ảnh: {credit}", f"{text} - Ảnh: {credit}", f"{text} (Ảnh: {credit})",
                          f"{text}. Ảnh minh họa {credit}", f"{text}. Ảnh: {credit}."))
    return f"_{caption}_" if markdown and rng.random() < 0.5 else caption


def _intertitle(rng: random.Random, paragraph: str, markdown: bool) -> str:
    """A sub-heading for the paragraph below it: a few of its words, no final stop (a heading names
    what follows, so it shares words with it; a related headline does not)."""
    words = [w.strip(".,;:!?\"“”()") for w in paragraph.split()[:30]]
    words = [w for w in words if w]
    size = rng.randint(3, 7)
    start = rng.randrange(max(1, len(words) - size))
    title = " ".join(words[start:start + size])
    title = title[:1].upper() + title[1:]
    if markdown and rng.random() < 0.6:
        return rng.choice((f"**{title}**", f"### {title}", f"## {title}"))
    return title


def synthetic_pages(chrome_from: Sequence[Page], bodies: Sequence[tuple[str, list[str]]], count: int,
                    seed: int) -> list[Page]:
    """Clean articles wrapped in the head, inner and foot chrome of randomly chosen training dumps."""
    if not chrome_from or not bodies:
        return []
    rng = random.Random(seed)
    parts = [_chrome_parts(page) for page in chrome_from]
    inner_pool = [line for _, inner, _ in parts for line in inner]
    pages = []
    for k in range(count):
        title, paragraphs = bodies[rng.randrange(len(bodies))]
        source = rng.randrange(len(chrome_from))
        head, _, foot = parts[source]
        lines: list[MarkedLine] = []
        labels: list[int] = []
        markdown = chrome_from[source].kind.endswith("html2text")
        for line in head:
            lines.append(line)
            labels.append(0)
        if title:
            lines.append(MarkedLine(raw=("# " if markdown else "") + title, text=title, header=int(markdown)))
            labels.append(0)
        for index, paragraph in enumerate(paragraphs):
            if index and rng.random() < INTERTITLE_RATE:
                lines.append(parse_line(_intertitle(rng, paragraph, markdown), markdown=markdown))
                labels.append(1)
            lines.append(MarkedLine(raw=paragraph, text=paragraph))
            labels.append(1)
            if inner_pool and index < len(paragraphs) - 1 and rng.random() < 0.2:
                lines.append(inner_pool[rng.randrange(len(inner_pool))])
                labels.append(0)
            if index < len(paragraphs) - 1 and rng.random() < CAPTION_RATE:
                caption = _caption(rng, bodies, markdown)
                if caption:
                    lines.append(parse_line(caption, markdown=markdown))
                    labels.append(0)
        blocks = []
        if rng.random() < TEASER_RATE:
            blocks.append(_teaser_run(rng, bodies, markdown))
        if rng.random() < COMMENT_RATE:
            blocks.append(_comment_block(rng, bodies, markdown))
        rng.shuffle(blocks)
        for block in blocks:
            for raw in block:
                lines.append(parse_line(raw, markdown=markdown))
                labels.append(0)
        for line in foot:
            lines.append(line)
            labels.append(0)
        pages.append(Page(f"synthetic-{k}", "synthetic", chrome_from[source].kind, tuple(lines), tuple(labels)))
    return pages


def _stage1_rows(pages: Sequence[Page]) -> tuple[np.ndarray, np.ndarray, list[int]]:
    rows, labels, sizes = [], [], []
    for page in pages:
        rows.extend(line_features(page.lines))
        labels.extend(page.labels)
        sizes.append(len(page.lines))
    return np.asarray(rows, dtype=float), np.asarray(labels, dtype=float)[:, None], sizes


def train(pages: Sequence[Page]) -> LineModel:
    """Stage 1 on line features; stage 2 on stage-1 probabilities (cross-fitted in two halves so stage 2
    sees probabilities like those of unseen pages)."""
    X, Y, sizes = _stage1_rows(pages)
    stage1 = fit_logistic(X, Y)
    # Cross-fitted stage-1 probabilities: pages split in two by position.
    offsets = np.cumsum([0, *sizes])
    half = np.zeros(len(X), dtype=bool)
    for index in range(len(pages)):
        if index % 2:
            half[offsets[index]:offsets[index + 1]] = True
    probs = np.zeros(len(X))
    for mask in (half, ~half):
        if mask.all() or (~mask).all():
            probs[mask] = stage1.predict(X[mask])[:, 0]
            continue
        model = fit_logistic(X[~mask], Y[~mask])
        probs[mask] = model.predict(X[mask])[:, 0]
    rows = []
    for index in range(len(pages)):
        rows.extend(context_features(list(probs[offsets[index]:offsets[index + 1]])))
    stage2 = fit_logistic(np.asarray(rows, dtype=float), Y)
    return LineModel(stage1=stage1, stage2=stage2, threshold=THRESHOLD)


def loo_outlet(pages: Sequence[Page], bodies, synthetic: int = SYNTHETIC_PAGES) -> list[tuple[Page, Score, str]]:
    """Each outlet's dumps cleaned by a model trained without that outlet (see the module doc)."""
    outlets = sorted({page.outlet for page in pages})
    results = []
    for outlet in outlets:
        train_pages = [p for p in pages if p.outlet != outlet]
        model = train([*train_pages, *synthetic_pages(train_pages, bodies, synthetic, SEED)])
        with _shipped_model(model):
            for page in pages:
                if page.outlet != outlet:
                    continue
                output = SYSTEMS["bantin"](page.item)  # the whole reader + cleaner path, as shipped
                score, _, _ = score_output(output, page.gold)
                results.append((page, score, output))
        print(f"train_lines: held out {outlet}", file=sys.stderr)
    return results


@contextmanager
def _shipped_model(model: LineModel):
    """Run bantin's cleaning with ``model`` in place of the packaged line model."""
    from bantin.ingest import lines

    original = lines.load_model
    lines.load_model = lambda: model
    try:
        yield
    finally:
        lines.load_model = original


def format_loo(results) -> str:
    groups: dict[tuple[str, str], Score] = defaultdict(lambda: Score(0, 0, 0, 0))
    files: dict[tuple[str, str], int] = defaultdict(int)
    for page, score, _ in results:
        for key in ((page.kind, "all"), (page.kind, page.outlet), ("text (both kinds)", "all")):
            groups[key] = groups[key] + score
            files[key] += 1
    lines = ["| input | outlet | files | paragraphs | recall | junk |", "|---|---|---|---|---|---|"]
    for key in sorted(groups, key=lambda k: (k[0], k[1] != "all", k[1])):
        s = groups[key]
        lines.append(f"| {key[0]} | {key[1]} | {files[key]} | {s.paragraphs} | {s.recall:.3f} | {s.junk_share:.3f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from bantin.evaluate.corpora import shared_dir

    parser = argparse.ArgumentParser(prog="python -m bantin.ingest.train_lines", description=__doc__.split("\n")[0])
    parser.add_argument("--realweb", type=Path, default=shared_dir() / "datasets" / "realweb-dev")
    parser.add_argument("--loo", action="store_true", help="leave-one-outlet-out table instead of training")
    parser.add_argument("--synthetic", type=int, default=SYNTHETIC_PAGES, help="synthetic pages per training run")
    parser.add_argument("--dump", type=Path, help="--loo: write each held-out output to this folder")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    if not args.realweb.is_dir():
        print(f"train_lines: {args.realweb} not found", file=sys.stderr)
        return 2
    pages = load_pages(args.realweb)
    bodies = _bodies()
    print(f"train_lines: {len(pages)} dumps, {sum(len(p.lines) for p in pages)} lines, {len(bodies)} clean bodies",
          file=sys.stderr)
    if args.loo:
        results = loo_outlet(pages, bodies, args.synthetic)
        print(format_loo(results))
        if args.dump:
            args.dump.mkdir(parents=True, exist_ok=True)
            for page, _, output in results:
                (args.dump / f"{page.name}.txt").write_text(output + "\n", encoding="utf-8")
        return 0
    model = train([*pages, *synthetic_pages(pages, bodies, args.synthetic, SEED)])
    args.output.write_text(json.dumps(model.to_dict(), ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"train_lines: wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
