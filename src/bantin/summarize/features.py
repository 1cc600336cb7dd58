"""The cluster as the summarizer sees it: sentences, voices, and syllable-bigram (concept) features.

Sentence indexing is defined in one place, :func:`article_sentences`: ``SourceRef.sentence_index``
is an index into ``article_sentences(article)``, i.e. ``split_sentences(article.text)`` of the
article exactly as it was given to :func:`bantin.summarize.summarize`.

Concepts are syllable bigrams in ROUGE's tokenization (lower-cased, punctuation dropped, see
:func:`bantin.text.syllables`): what the score counts is what the summarizer optimizes. Each
bigram of a cluster gets the features in :data:`FEATURES`; a trained model turns them into the
probability that the bigram occurs in a human summary (see ``model.py``).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Mapping, Sequence

import numpy as np

from bantin.models import Article
from bantin.summarize.compress import clean_sentence, is_noise
from bantin.text import count_syllables, split_sentences, syllables
from bantin.text.checks import anchor_relative, is_non_sentence, quote_without_speaker

# The syllable regex of bantin.text.segment / ROUGE, on the original case to see capitals.
from bantin.text.segment import _SYLLABLE_RE

Bigram = tuple[str, str]

# Function syllables: a bigram made only of these carries no content (used for attribution,
# where "của các" in two sentences says nothing about them stating the same fact).
STOPWORDS = frozenset(
    """
    à ạ ai anh bà bị bởi các cái cần chỉ chiếc cho chưa có còn của cũng đã đang đây để đến đều đi
    điều do đó được gì hay hơn khi không là lại lên lúc mà mình mỗi một này nên nếu ngay nhiều như
    nhưng những nơi nữa ở ra rằng rất rồi sau sẽ so sự tại theo thì trên trong trước từ vào vẫn về
    vì vừa và với vậy cả cùng thế thể nào này kia ấy họ nó tôi chúng ta ông bà người việc năm ngày
    tháng giờ hơn gần khoảng qua lần số bao đang cho biết nói ấy hoặc hay thêm hết
    """.split()
)

FEATURES = (
    "log_count", "voice_frac", "log_voices", "multi_voice", "min_rel_pos", "mean_rel_pos",
    "log_min_index", "first_frac", "lede_frac", "title_frac", "idf_u", "idf_v", "idf_min",
    "idf_max", "cap_u", "cap_v", "digit", "stop_both", "stop_any", "voice_x_idf",
    "title_x_idf", "first_x_idf", "log_n_voices", "rel_freq", "cand_frac",
    "pos_weighted", "voice_pos", "max_sent_title", "max_sent_support", "mean_sent_support",
    "quoted", "mean_sent_len", "min_candidate_index", "log_min_paragraph", "lede_like_frac",
    "only_lede_like",
)
LEDE_SENTENCES = 3  # "lede" = the first 3 sentences of an article (VMDS/AbMuSu ledes are 1-3 sentences)
QUOTES = "\"“”«»"
# Shorter pieces are headings, captions, interview answers or fragments ("Hiện trường nơi xảy ra
# vụ việc.", "Chắc chắn là có chứ."), never brief material. 10 vs 5 on the training split
# (in-sample model, /tmp probe): ROUGE-2 -0.1 / -0.06 VMDS body / sapo, AbMuSu +-0.02.
MIN_WORDS = 10


def article_sentences(article: Article) -> list[str]:
    """The sentences of an article; ``SourceRef.sentence_index`` indexes this list."""
    return split_sentences(article.text) if article.text.strip() else []


@dataclass
class Sentence:
    """One article sentence: where it is, its cleaned text and its tokens."""

    article: int  # position of the article in the input sequence
    index: int  # index into article_sentences(article)
    raw: str
    text: str  # cleaned (compress.clean_sentence)
    tokens: list[str]  # lower-cased syllables of ``text``
    caps: list[bool]  # token capitalized (and not the first token)
    words: int  # count_syllables(text): the budget unit
    rel_pos: float
    paragraph: int = 0  # line of the article the sentence is on (empty lines not counted)
    lede_like: bool = False  # in a short first paragraph followed by more text (a lede, a sapo)
    candidate: bool = True
    bigrams: frozenset[Bigram] = field(default_factory=frozenset)
    dependent: bool = False  # opens with a reference to its predecessor (order.needs_predecessor)


@dataclass
class ClusterView:
    articles: tuple[Article, ...]
    sentences: list[Sentence]
    voices: list[int]  # voice id per article (copies share one)
    rank: list[int]  # chronological rank per article (published, then input order)
    titles: list[frozenset[Bigram]]
    n_voices: int

    @property
    def candidates(self) -> list[Sentence]:
        return [s for s in self.sentences if s.candidate]


def bigrams_of(tokens: Sequence[str]) -> frozenset[Bigram]:
    return frozenset(zip(tokens, tokens[1:]))


def content_bigrams(tokens: Sequence[str]) -> frozenset[Bigram]:
    """Bigrams with at least one content (non-function) syllable."""
    return frozenset(b for b in zip(tokens, tokens[1:]) if not (b[0] in STOPWORDS and b[1] in STOPWORDS))


def _tokens_with_case(text: str) -> tuple[list[str], list[bool]]:
    raw = _SYLLABLE_RE.findall(text)
    tokens = [t.lower() for t in raw]
    caps = [k > 0 and t[:1].isupper() for k, t in enumerate(raw)]
    return tokens, caps


def _voices(articles: Sequence[Article], duplicate_groups: Sequence[Sequence[str]] | None) -> list[int]:
    group_of: dict[str, int] = {}
    for g, group in enumerate(duplicate_groups or ()):
        for article_id in group:
            group_of.setdefault(article_id, g)
    voices: list[int] = []
    seen: dict[object, int] = {}
    for k, article in enumerate(articles):
        key: object = ("g", group_of[article.id]) if article.id in group_of else ("a", k)
        voices.append(seen.setdefault(key, len(seen)))
    return voices


def chronological_order(articles: Sequence[Article]) -> list[int]:
    """Article indices in time order (``published``; undated ones after, in input order)."""
    def key(k: int) -> tuple:
        published = articles[k].published
        return (1, 0.0, k) if published is None else (0, published.timestamp(), k)

    return sorted(range(len(articles)), key=key)


def chronological_rank(articles: Sequence[Article]) -> list[int]:
    """Rank of each article in :func:`chronological_order`."""
    rank = [0] * len(articles)
    for r, k in enumerate(chronological_order(articles)):
        rank[k] = r
    return rank


def _paragraph_of(text: str, n: int) -> list[int]:
    """Paragraph number of each of the ``n`` sentences of ``article_sentences`` (same splitting)."""
    out: list[int] = []
    for p, line in enumerate(line for line in text.split("\n") if line.strip()):
        out.extend([p] * len(split_sentences(line)))
    return out if len(out) == n else [0] * n


SHORT_LINE = 12  # a line holding one sentence this short is a heading or a photo caption (AbMuSu, VMDS)


# An inter-title glued in front of the sentence by the splitter: an unpunctuated word, then a
# capitalized word that opens sentences ("... của U23 VN Đúng như dự đoán", "... MTV EMA Sau một tuần").
# On VMDS ~1.4% of sentences (nearly all glued captions/inter-titles), AbMuSu ~0.1% (mostly names:
# "Điều tra", "Hiện Cơ quan"; words that start names -- Ngày, Điều, Những, Từ -- are left out).
_GLUED_HEADING = re.compile(
    r"^[^!?:;,“”\"]{6,120}?[^\W_]\s+(?:Sau|Đúng|Theo|Trong|Khi|Với|Tại|Chiều|Sáng|Tối|Trưa|Đêm|Hiện|"
    r"Các|Đây|Đó|Vào|Trước|Hôm|Mặc dù|Tuy|Nhưng|Để|Cũng|Ngoài|Bên cạnh|Thế nhưng)\s"
)


def is_sentence(text: str) -> bool:
    """A statement a brief can use: not a heading, caption, menu, prompt, credit or markup
    (:func:`bantin.text.checks.is_non_sentence`), not a question (a heading or a reader prompt),
    starting with a capital, a digit or a quote (not a fragment)."""
    if is_non_sentence(text) is not None or text.rstrip(" \"”»')]").endswith("?") or _GLUED_HEADING.match(text):
        return False
    first = text.lstrip("\"“«'(")[:1]
    return first.isupper() or first.isdigit()


# Words that capitalise the next one inside a sentence (titles, place kinds, quoted titles).
_NAME_CUES = frozenset(
    "ông bà anh chị em cô chú bác cháu con cụ thầy tỉnh huyện xã phường quận thị trấn thành phố tp "
    "sông núi đảo phố đường làng bản ấp thôn chợ cầu hồ vịnh biển".split()
)
GLUE_HEAD = 15  # captions run into a paragraph's first sentence within its first 15 words (VMDS)


def _case_counts(articles: Sequence[Article]) -> tuple[Counter, Counter]:
    """(lowercase, capitalised after a lowercase word) counts of every word of the cluster."""
    lower, upper = Counter(), Counter()
    for article in articles:
        words = article.text.split()
        for before, word in zip(words, words[1:]):
            if not word.isalpha():
                continue
            if word.islower():
                lower[word] += 1
            elif word[:1].isupper() and before.isalpha() and before.islower():
                upper[word.lower()] += 1
    return lower, upper


def caption_glued_in(text: str, lower: Counter, upper: Counter) -> bool:
    """A caption run into the start of a paragraph ("Anh V. đang chờ chuyển viện Khoảng 11 giờ
    ...", "... bằng file pdf Sử dụng hóa đơn ..."): within its first words, a capitalised common
    word after a lowercase one -- the cluster writes it lowercase at least twice and capitalised
    after a lowercase word only here -- that no title or place kind explains."""
    words = text.split()[:GLUE_HEAD]
    for earlier, before, word in zip(words, words[1:], words[2:]):
        key = word.lower()
        if (word[:1].isupper() and word.isalpha() and before.isalpha() and before.islower()
                and not earlier[:1].isupper()
                and before not in _NAME_CUES and lower[key] >= 2 and upper[key] <= 1):
            return True
    return False


def build_view(articles: Sequence[Article], duplicate_groups: Sequence[Sequence[str]] | None = None) -> ClusterView:
    """Split, clean and tokenize every article sentence; mark the summary candidates."""
    from bantin.summarize.order import drop_discursive_opener, needs_predecessor

    lower, upper = _case_counts(articles)
    sentences: list[Sentence] = []
    seen_texts: set[str] = set()
    for a, article in enumerate(articles):
        raw_sentences = article_sentences(article)
        n = len(raw_sentences)
        paragraphs = _paragraph_of(article.text, n)
        first_size = paragraphs.count(0)
        lede_para = 0 < first_size <= LEDE_SENTENCES and first_size < n
        per_line = Counter(paragraphs)
        previous_ok = False
        for i, raw in enumerate(raw_sentences):
            text = anchor_relative(drop_discursive_opener(clean_sentence(raw)), article.published)
            tokens, caps = _tokens_with_case(text)
            words = count_syllables(text)
            ok = (
                words >= MIN_WORDS and not is_noise(text) and text not in seen_texts and is_sentence(text)
                and quote_without_speaker(text) is None and not (per_line[paragraphs[i]] == 1 and words < SHORT_LINE)
            )
            if ok and (i == 0 or paragraphs[i] != paragraphs[i - 1]) and caption_glued_in(text, lower, upper):
                ok = False
            dependent = needs_predecessor(text)
            if ok and dependent and not previous_ok:
                ok = False
            seen_texts.add(text)
            sentences.append(Sentence(
                article=a, index=i, raw=raw, text=text, tokens=tokens, caps=caps, words=words,
                rel_pos=i / n, paragraph=paragraphs[i], lede_like=lede_para and paragraphs[i] == 0,
                candidate=ok, bigrams=bigrams_of(tokens), dependent=dependent,
            ))
            previous_ok = ok
    titles = [bigrams_of(_tokens_with_case(article.title)[0]) for article in articles]
    voices = _voices(articles, duplicate_groups)
    return ClusterView(
        articles=tuple(articles), sentences=sentences, voices=voices,
        rank=chronological_rank(articles), titles=titles, n_voices=max(voices, default=-1) + 1,
    )


# --- the shape of the input: do its articles open with a lede (sapo) in front of the body? ---

SHAPE_SIGNALS = ("lede_restated", "lede_title")


def lede_share(view: ClusterView) -> float:
    """Share of the articles whose first paragraph is lede-like (short, followed by more text)."""
    marked = {s.article for s in view.sentences if s.lede_like}
    return len(marked) / len(view.articles) if view.articles else 0.0


def shape_signals(view: ClusterView) -> np.ndarray | None:
    """Means over the articles with a lede-like first paragraph (columns = SHAPE_SIGNALS): the share
    of its content bigrams the rest of the article restates (a sapo recaps the body it heads; a
    body's own first paragraph less so), and the share of the title's content bigrams it holds.
    None when no article has such a paragraph."""
    lede: list[set[Bigram]] = [set() for _ in view.articles]
    rest: list[set[Bigram]] = [set() for _ in view.articles]
    for s in view.sentences:
        (lede if s.lede_like else rest)[s.article].update(content_bigrams(s.tokens))
    rows = []
    for a, article in enumerate(view.articles):
        if lede[a]:
            title = content_bigrams(syllables(article.title))
            rows.append([len(lede[a] & rest[a]) / len(lede[a]), len(title & lede[a]) / len(title) if title else 0.0])
    return np.mean(rows, axis=0) if rows else None


def bigram_features(view: ClusterView, idf: Mapping[str, float], idf_default: float) -> tuple[list[Bigram], np.ndarray]:
    """Every bigram of the cluster's sentences and its feature row (columns = FEATURES)."""
    ids: dict[Bigram, int] = {}
    occ_id: list[int] = []
    occ_sent: list[int] = []
    occ_cap_u: list[bool] = []
    occ_cap_v: list[bool] = []
    for n, s in enumerate(view.sentences):
        toks, caps = s.tokens, s.caps
        for k in range(len(toks) - 1):
            occ_id.append(ids.setdefault((toks[k], toks[k + 1]), len(ids)))
        occ_sent.extend([n] * max(len(toks) - 1, 0))
        occ_cap_u.extend(caps[:-1])
        occ_cap_v.extend(caps[1:])
    bigrams = list(ids)
    m = len(bigrams)
    if m == 0:
        return bigrams, np.zeros((0, len(FEATURES)))
    n_voices = max(view.n_voices, 1)
    sents = view.sentences
    s_voice = np.array([view.voices[s.article] for s in sents])
    s_pos = np.array([s.rel_pos for s in sents])
    s_index = np.array([s.index for s in sents])
    s_cand = np.array([s.candidate for s in sents], dtype=float)
    oid = np.array(occ_id)
    osent = np.array(occ_sent)
    ovoice = s_voice[osent]
    opos = s_pos[osent]
    oindex = s_index[osent]
    count = np.bincount(oid, minlength=m).astype(float)

    def distinct_voices(mask: np.ndarray) -> np.ndarray:
        pairs = np.unique(oid[mask] * n_voices + ovoice[mask])
        return np.bincount(pairs // n_voices, minlength=m).astype(float)

    voices = distinct_voices(np.ones(len(oid), dtype=bool))
    first = distinct_voices(oindex == 0)
    lede = distinct_voices(oindex < LEDE_SENTENCES)
    min_pos = np.full(m, np.inf)
    np.minimum.at(min_pos, oid, opos)
    min_index = np.full(m, np.inf)
    np.minimum.at(min_index, oid, oindex.astype(float))
    sum_pos = np.bincount(oid, weights=opos, minlength=m)
    cap_u = np.bincount(oid, weights=np.array(occ_cap_u, dtype=float), minlength=m)
    cap_v = np.bincount(oid, weights=np.array(occ_cap_v, dtype=float), minlength=m)
    in_cand = np.bincount(oid, weights=s_cand[osent], minlength=m)
    inv_index = 1.0 / (1.0 + oindex)
    pos_weighted = np.bincount(oid, weights=inv_index, minlength=m)
    # best (earliest) position per (bigram, voice), summed over voices
    pair = oid * n_voices + ovoice
    best_pair = np.zeros(m * n_voices)
    np.maximum.at(best_pair, pair, inv_index)
    voice_pos = best_pair.reshape(m, n_voices).sum(axis=1) / n_voices
    # sentence context: overlap with its article's title, share of its bigrams other voices also state
    seen_by: dict[int, set[int]] = {}
    for k, v in zip(occ_id, ovoice.tolist()):
        seen_by.setdefault(k, set()).add(v)
    s_title = np.zeros(len(sents))
    s_support = np.zeros(len(sents))
    start = 0
    for n, s in enumerate(sents):
        length = max(len(s.tokens) - 1, 0)
        if length:
            ks = occ_id[start:start + length]
            s_support[n] = sum(len(seen_by[k]) > 1 for k in ks) / length
            title_set = view.titles[s.article]
            s_title[n] = len(title_set & s.bigrams) / max(len(title_set), 1)
        start += length
    max_title = np.zeros(m)
    np.maximum.at(max_title, oid, s_title[osent])
    max_support = np.zeros(m)
    np.maximum.at(max_support, oid, s_support[osent])
    mean_support = np.bincount(oid, weights=s_support[osent], minlength=m) / count
    s_quoted = np.array([any(q in s.raw for q in QUOTES) for s in sents], dtype=float)
    quoted = np.bincount(oid, weights=s_quoted[osent], minlength=m) / count
    s_len = np.log1p(np.array([s.words for s in sents], dtype=float))
    mean_len = np.bincount(oid, weights=s_len[osent], minlength=m) / count
    s_para = np.array([s.paragraph for s in sents], dtype=float)
    min_para = np.full(m, np.inf)
    np.minimum.at(min_para, oid, s_para[osent])
    s_lede = np.array([s.lede_like for s in sents], dtype=float)
    lede_like = np.bincount(oid, weights=s_lede[osent], minlength=m)
    # earliest position among candidate sentences (what can actually be picked)
    cand_index = np.where(s_cand[osent] > 0, oindex, 1000).astype(float)
    min_cand = np.full(m, np.inf)
    np.minimum.at(min_cand, oid, cand_index)
    title = np.zeros(m)
    title_voices: dict[int, set[int]] = {}
    for a, t in enumerate(view.titles):
        for b in t:
            if b in ids:
                title_voices.setdefault(ids[b], set()).add(view.voices[a])
    for k, vs in title_voices.items():
        title[k] = len(vs)
    iu = np.array([idf.get(b[0], idf_default) for b in bigrams])
    iv = np.array([idf.get(b[1], idf_default) for b in bigrams])
    imin = np.minimum(iu, iv)
    su = np.array([b[0] in STOPWORDS for b in bigrams])
    sv = np.array([b[1] in STOPWORDS for b in bigrams])
    digit = np.array([b[0][:1].isdigit() or b[1][:1].isdigit() for b in bigrams])
    vf = voices / n_voices
    tf = title / n_voices
    ff = first / n_voices
    total = max(len(oid), 1)
    X = np.column_stack([
        np.log1p(count), vf, np.log1p(voices), voices >= 2, min_pos, sum_pos / count,
        np.log1p(min_index), ff, lede / n_voices, tf, iu, iv, imin,
        np.maximum(iu, iv), cap_u / count, cap_v / count,
        digit, su & sv, su | sv, vf * imin,
        tf * imin, ff * imin, np.full(m, math.log(n_voices)), np.log(count / total), in_cand / count,
        np.log1p(pos_weighted), voice_pos, max_title, max_support, mean_support,
        quoted, mean_len, np.log1p(min_cand), np.log1p(min_para), lede_like / count, lede_like == count,
    ]).astype(np.float64)
    return bigrams, X
