"""Learn the dependent sentence openers from the corpora and write ``bantin/data/openers.json``.

    python -m bantin.text.learn_openers            # VMDS + AbMuSu-train under ../shared/datasets
    python -m bantin.text.learn_openers --show     # print the table, write nothing

An *opener* is the first 1-3 syllables of a sentence (lower-cased; stops before a digit or a
capitalized word, so names and dates never form one). Every sentence of every article is counted
as an *opening* sentence (the first real sentence of the lede, of the body when there is no lede,
or of a reference summary: places where a text starts and so can point at nothing before it) or an *inside* one
(any other). An opener is **dependent** when it opens many inside sentences and (almost) no
opening one: ``inside >= MIN_INSIDE`` and ``opening / (opening + inside)`` below
``MAX_OPENING_SHARE`` of the corpus-wide share of opening sentences. The shortest qualifying
n-gram wins ("trong đó" is listed, "trong đó có" is not; "trong" alone opens articles).

Whether an opener is *droppable* (purely discursive: removing it keeps every fact, e.g.
"Cụ thể,", "Trong khi đó,") cannot be learned from counts; it is the fixed list
:data:`DISCURSIVE` below, applied to the learned openers that are mostly followed by a comma.
The output is deterministic (sorted, no randomness) for the same corpora.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator, Sequence

MIN_INSIDE = 8  # an opener seen fewer times inside articles is too rare to judge (noise)
# Opening-share ceiling as a fraction of the corpus-wide opening share (~0.1): an opener at 1/6 of
# it opens an article ~6x less often than a random sentence start would. 1/6 keeps "tuy nhiên"
# (0 of 300+) and "theo đó" out of the article openings while "theo" or "trong" stay allowed.
MAX_OPENING_SHARE = 1 / 6
MAX_N = 3
MIN_CLUSTERS = 10  # seen in fewer clusters, an opener is a topic word ("nhiệt độ" in weather stories)
# Binomial test against the corpus-wide opening share (~0.067): with 0 openings this needs ~34
# inside uses (0.933**34 = 0.1), so an opener is listed on evidence, not because it is rare.
MAX_P = 0.1
# An opener followed by a name in a fifth of its uses is a title ("Phó Thủ tướng X", "Anh Nam"):
# a name is not a reference to the previous sentence.
MAX_TITLE_SHARE = 0.2
FOLLOW_SHARE = 0.5  # a 1-gram whose commonest continuation makes half its uses is listed as 2-grams
# Openers that rarely open an article but frame their own sentence (a condition, a topic) or are
# topic nouns of a few story types: the counts cannot tell "Nếu trời mưa, ..." or "Đội tuyển ..."
# from a reference to the previous sentence. Never listed (multi-word ones: nor what they start).
SELF_CONTAINED = frozenset({
    "nếu", "đối với", "khi", "để", "với", "trong", "theo", "tại", "về", "từ", "sau khi",
    "đội", "sản", "toàn", "công tác",
    "thứ", "ở", "số", "một số",  # "Thứ trưởng", "Ở Hà Nội", "Số người": frames; ordinals are in text.checks
})

# Discourse markers whose removal keeps the proposition (a contrast, an addition, an example or a
# conclusion marker). Temporal ("sau đó", "trước đó"), partitive ("trong đó") and referring
# ("sự việc", "ông này") openers carry content and are never dropped.
DISCURSIVE = frozenset(phrase.strip() for phrase in
    """
    cụ thể|trong khi đó|tuy nhiên|tuy vậy|tuy thế|dù vậy|dù thế|mặc dù vậy|song|thế nhưng|ngoài ra|bên cạnh đó|
    đồng thời|hơn nữa|mặt khác|thêm vào đó|cùng với đó|như vậy|được biết|đáng chú ý|đáng nói|theo đó|vì vậy|
    do đó|do vậy|vì thế|bởi vậy|chính vì vậy|chính vì thế|nhìn chung|nói chung|trên thực tế|thực tế|trước hết|
    nhưng|ngoài|đặc biệt|bên cạnh|ngược lại|thậm chí|tương tự|rõ ràng|có thể nói|nói cách khác|tóm lại|
    ngoài những|không những thế|không chỉ vậy|cũng theo đó|theo đó thì|qua đó|từ đó|nhờ đó|vì lẽ đó
    """.split("|")
)
MIN_COMMA_SHARE = 0.5  # droppable only when the opener is usually set off by a comma ("Cụ thể, ...")

_LEADING = re.compile(r"^[\W_]+")
_WORD = re.compile(r"^[^\W\d_]+$")


def opener_ngrams(sentence: str, max_n: int = MAX_N) -> list[tuple[str, bool]]:
    """(opener, comma right after it) for n = 1..max_n, lower-cased; stops at digits or names."""
    return _opener_ngrams(sentence, max_n)[0]


def _opener_ngrams(sentence: str, max_n: int = MAX_N) -> tuple[list[tuple[str, bool]], bool]:
    """opener_ngrams, and whether a capitalized word (a name) came right after the last one."""
    tokens = _LEADING.sub("", sentence).split()
    out: list[tuple[str, bool]] = []
    words: list[str] = []
    for index, token in enumerate(tokens[: max_n + 1]):
        word = token.rstrip(",;:.!?…\"”’)")
        if index > 0 and word[:1].isupper():
            return out, True
        if index == max_n or not _WORD.match(word):
            break
        words.append(word.lower())
        out.append((" ".join(words), token.endswith(",")))
        if word != token:  # punctuation after this word ends the opener
            break
    return out, False


def _is_sentence(sentence: str) -> bool:
    from bantin.text.checks import is_non_sentence

    return is_non_sentence(sentence) is None and len(sentence.split()) >= 5


def corpus_texts(vmds: Path | None, abmusu: Path | None) -> Iterator[tuple[str, list[str], list[str]]]:
    """(cluster id, opening sentences, inside sentences) per article and per reference summary."""
    from bantin.evaluate.corpora import load_abmusu, load_vmds
    from bantin.text import split_sentences

    clusters = []
    if vmds is not None:
        clusters += list(zip(load_vmds(vmds, include_lede=True), load_vmds(vmds, include_lede=False)))
    if abmusu is not None:
        clusters += list(zip(load_abmusu(abmusu, include_lede=True), load_abmusu(abmusu, include_lede=False)))
    for with_lede, body_only in clusters:
        for full, body in zip(with_lede.articles, body_only.articles):
            sentences = [s for s in split_sentences(full.text) if _is_sentence(s)]
            body_sentences = [s for s in split_sentences(body.text) if _is_sentence(s)]
            # the body's first sentence opens the article only when there is no lede before it
            # (after a sapo it may well say "Theo đó, ...")
            has_lede = full.text != body.text
            opening = set(sentences[:1] if has_lede else body_sentences[:1])
            yield with_lede.id, sorted(opening), [s for s in sentences if s not in opening]
        for reference in with_lede.references:
            sentences = [s for s in split_sentences(reference) if _is_sentence(s)]
            yield with_lede.id, sentences[:1], sentences[1:]


def _binomial_cdf(k: int, n: int, p: float) -> float:
    """P(X <= k) for X ~ Binomial(n, p)."""
    term = (1 - p) ** n
    total = term
    for i in range(k):
        term *= (n - i) / (i + 1) * p / (1 - p)
        total += term
    return total


def learn(texts: Iterable[tuple[str, Sequence[str], Sequence[str]]]) -> dict:
    """The openers table (what ``openers.json`` holds) from (cluster, opening, inside) sentence lists."""
    opening, inside, comma, titles = Counter(), Counter(), Counter(), Counter()
    where: dict[str, set] = {}
    n_open = n_inside = 0
    for cluster, first, rest in texts:
        n_open += len(first)
        n_inside += len(rest)
        for sentence in first:
            for gram, _ in opener_ngrams(sentence):
                opening[gram] += 1
        for sentence in rest:
            grams, before_name = _opener_ngrams(sentence)
            for gram, has_comma in grams:
                inside[gram] += 1
                comma[gram] += has_comma
                where.setdefault(gram, set()).add(cluster)
            if grams and before_name:
                titles[grams[-1][0]] += 1
    base = n_open / max(1, n_open + n_inside)
    ceiling = base * MAX_OPENING_SHARE

    def dependent(gram: str) -> bool:
        n = opening[gram] + inside[gram]
        return (
            inside[gram] >= MIN_INSIDE and len(where[gram]) >= MIN_CLUSTERS
            and opening[gram] / n < ceiling and _binomial_cdf(opening[gram], n, base) < MAX_P
            and titles[gram] < MAX_TITLE_SHARE * inside[gram]
            and not any(gram == p or (" " in p and gram.startswith(p + " ")) for p in SELF_CONTAINED)
        )

    children: dict[str, list[str]] = {}  # gram -> its one-word-longer continuations, in first-seen order
    for gram in inside:
        head, _, last = gram.rpartition(" ")
        if last and head:
            children.setdefault(head, []).append(gram)

    def continuations(gram: str) -> list[str]:
        return children.get(gram, [])

    def expanded(gram: str) -> bool:
        """One continuation makes most of the gram's uses ("tuy" -> "tuy nhiên"): list those instead."""
        following = continuations(gram)
        return bool(following) and max(inside[g] for g in following) >= FOLLOW_SHARE * inside[gram]

    listed: set[str] = set()
    for gram in sorted(inside, key=lambda g: (len(g.split()), g)):
        words = gram.split()
        prefixes = [" ".join(words[:k]) for k in range(1, len(words))]
        if any(p in listed for p in prefixes) and gram not in DISCURSIVE:
            continue  # a shorter listed opener already covers it
        if prefixes and not all(p in listed or expanded(p) or not dependent(p) for p in prefixes):
            continue
        if not dependent(gram):
            continue
        if len(words) < MAX_N and expanded(gram):
            # "mặt" -> "mặt khác", "đáng" -> "đáng chú ý": the parent's evidence covers its frequent continuations
            listed.update(
                g for g in continuations(gram)
                if inside[g] >= MIN_INSIDE and len(where[g]) >= MIN_CLUSTERS and opening[g] / (opening[g] + inside[g]) < ceiling
            )
        else:
            listed.add(gram)
    chosen = []
    for gram in listed:
        share = comma[gram] / inside[gram]
        chosen.append({
            "opener": gram,
            "inside": inside[gram],
            "opening": opening[gram],
            "clusters": len(where[gram]),
            "comma_share": round(share, 3),
            "droppable": gram in DISCURSIVE and share >= MIN_COMMA_SHARE,
        })
    chosen.sort(key=lambda row: (-row["inside"], row["opener"]))
    return {
        "made_by": "python -m bantin.text.learn_openers",
        "opening_sentences": n_open,
        "inside_sentences": n_inside,
        "opening_share": round(base, 5),
        "min_inside": MIN_INSIDE,
        "min_clusters": MIN_CLUSTERS,
        "max_opening_share": round(ceiling, 5),
        "max_p": MAX_P,
        "openers": chosen,
    }


# A capitalised word that opens >= MIN_START sentences but follows a lowercase word inside a sentence
# at most MAX_GLUE_SHARE as often is a sentence-start word ("Theo", "Trong", "Các"); met after a
# lowercase word, it marks a heading or caption run into the next sentence ("Thời điểm tồi tệ Khi
# đại dịch ..."). 4% keeps name parts out ("Người", "Ngày", "Không quân"): on VMDS + AbMuSu it flags
# 0.5% of sentences, about three in four of them glued (a random 40 read by hand at 0.04; 0.15 let
# in name parts and read half right).
MIN_START = 40
MAX_GLUE_SHARE = 0.04


# Of those, a word that also follows a capitalised word inside a sentence at most MAX_AFTER_NAME_SHARE
# as often as it opens one is never part of a name either ("Trong", "Theo", "Để"; not "Nguyên",
# "Phần", "Bà", "Từ", "Vào", "Trên": "Tây Nguyên", "Bà Rịa", "Lực lượng Phòng vệ Trên Không"), so it
# marks glue even after a name run: a byline ("Tư Hoàng Tại buổi sơ kết ...") or a caption ending in a
# name ("... Ngọc Anh và Ngọc Tuấn Trong tuần thi này"). 0.03 keeps "Điều" ("Cục Điều tra", "Ban
# Điều phối": 0.04 let it in) and "Trên" ("Phòng vệ Trên Không") out; the dev-article sentences it
# newly flags were read by hand (benchmarks/page_text.py): nearly all are page text glued to a
# sentence, or two sentences run together.
MAX_AFTER_NAME_SHARE = 0.03


def learn_start_words(texts: Iterable[str]) -> dict[str, list[str]]:
    """``start_words`` (see :data:`MAX_GLUE_SHARE`) and ``after_name_start_words`` (see
    :data:`MAX_AFTER_NAME_SHARE`) from raw article texts."""
    from bantin.text import split_sentences
    from bantin.text.checks import glue_context

    start: Counter[str] = Counter()
    glued: Counter[str] = Counter()
    after_name: Counter[str] = Counter()
    for text in texts:
        for sentence in split_sentences(text):
            tokens = sentence.split()
            if tokens and tokens[0].isalpha() and tokens[0][:1].isupper():
                start[tokens[0]] += 1
            for i in glue_context(tokens):
                glued[tokens[i]] += 1
            for before, word in zip(tokens, tokens[1:]):
                if before[:1].isupper() and before.isalpha():
                    after_name[word] += 1
    words = sorted(w for w, n in start.items() if n >= MIN_START and glued[w] <= MAX_GLUE_SHARE * n)
    return {"start_words": words,
            "after_name_start_words": [w for w in words if after_name[w] <= MAX_AFTER_NAME_SHARE * start[w]]}


def article_texts(vmds: Path, abmusu: Path) -> Iterator[str]:
    from bantin.evaluate.corpora import load_abmusu, load_vmds

    for cluster in load_vmds(vmds) + load_abmusu(abmusu):
        for article in cluster.articles:
            yield article.text


def learn_all(vmds: Path, abmusu: Path) -> dict:
    """What ``openers.json`` holds: the openers table and the sentence-start words."""
    table = learn(corpus_texts(vmds, abmusu))
    table.update(learn_start_words(article_texts(vmds, abmusu)))
    return table


def default_output() -> Path:
    return Path(__file__).resolve().parents[1] / "data" / "openers.json"


def main(argv: Sequence[str] | None = None) -> int:
    from bantin.evaluate.corpora import corpus_path

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", type=Path, default=default_output(), help="where to write (default: the packaged file)")
    parser.add_argument("--show", action="store_true", help="print the table instead of writing it")
    args = parser.parse_args(argv)
    vmds, abmusu = corpus_path("vmds"), corpus_path("abmusu")
    if vmds is None or abmusu is None:
        print("learn_openers: error: VMDS and AbMuSu-train are needed under ../shared/datasets", file=sys.stderr)
        return 2
    table = learn_all(vmds, abmusu)
    if args.show:
        for row in table["openers"]:
            print(f"{row['inside']:5d} {row['opening']:3d} {row['clusters']:3d} {row['comma_share']:.2f} {'D' if row['droppable'] else ' '} {row['opener']}")
        print(f"{len(table['openers'])} openers; opening share ceiling {table['max_opening_share']}", file=sys.stderr)
        return 0
    args.output.write_text(json.dumps(table, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"learn_openers: {len(table['openers'])} openers written to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
