"""The article in a news page: title, sapo, body paragraphs and header metadata, from the DOM.

:func:`extract_article` is bantin's HTML reader (lxml, which trafilatura already brings; this is
the one module that imports lxml.html). It works on kinds of page noise, not on templates:

1. **Metadata** from ``<meta>`` tags (``og:title``, ``og:description``, ``og:site_name``,
   ``article:published_time``, ``author`` ...), JSON-LD (``NewsArticle``/``Article``: headline,
   description, datePublished, author, publisher) and the visible header (``<h1>``, ``<time
   datetime>``); tags win over the visible header, JSON-LD over tags.
2. **Page chrome out**: scripts, forms, buttons, navigation, ``<aside>``/``<footer>``, figures and
   their captions, hidden elements, and blocks whose class or id names a widget (related articles,
   share/social, comments, tags, breadcrumbs, ads, bylines, captions; :data:`NOISE_CLASS_RE`),
   unless such a block holds most of the page's prose (a wrapper called ``...-comment-...``).
3. **The article container**: every prose block (``<p>``, or a ``<div>`` holding text directly)
   scores by its length and commas, discounted by the share of it that is link text, and
   passes its score to its parent and half to its grandparent; the best-scoring element is the
   body (the densest run of prose, as Readability does), joined by siblings that continue it.
   Short lines that do not end like sentences (headline lists, menus) score nothing.
4. **Blocks of the body** in document order, one per block element or ``<br>``. Kept: prose,
   inter-titles (``<h2>``-``<h6>``, or a paragraph all in ``<strong>``/``<b>``) and list items;
   dropped: link lists, captions (``Ảnh: ...``, ``... Ảnh: AFP``, an image's alt text, the short
   line under an image), date lines, ``(Theo ...)``/``Nguồn:`` credits, ``Xem thêm``/``Tin liên
   quan`` pointers, teasers opening with another article's dateline (``(Dân trí) - `` after the
   lead), the title repeated, and the author and credit lines closing the body.
5. **Sapo**: the element near the body whose class says it is the lead (``sapo``, ``lead``,
   ``description``, ``summary``, ``chapeau``, ``intro``), else the prose element between the
   headline and the body, else the visible paragraph that starts like the page's description;
   put first, never twice.

When the container yields too little text (:attr:`HtmlConfig.min_words`), trafilatura's
extraction is used instead (``HtmlArticle.method`` says which one ran).
"""
from __future__ import annotations

import html as html_lib
import json
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Iterator
from urllib.parse import urlparse

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HtmlConfig:
    # Below this many words of body the DOM pass found nothing worth having (a video page, a
    # gallery, a template it misread): trafilatura's extraction is used instead. realweb-dev's
    # shortest gold body has 33 words (a baomoi fragment).
    min_words: int = 25
    # A block whose link text exceeds this share of its text is a list of links (related
    # headlines, tags, a menu), not prose. Body paragraphs with inline links stay far below it.
    max_link_share: float = 0.5
    # A noise-named block is kept when it holds at least this share of the page's prose:
    # it is a wrapper around the article ("detail-content-with-comment"), not a widget.
    wrapper_share: float = 0.5
    # Author/credit lines at the end of the body are at most this many words.
    max_author_words: int = 6
    # Captions, date lines and pointers are short; a longer block is prose whatever it starts with.
    max_caption_words: int = 40
    max_date_line_words: int = 12
    # The first text after an image, this short and with no sentence end, is its caption.
    max_image_caption_words: int = 30
    # A sibling of the body element joins it when it scores this share of the body (and at
    # least sibling_min_score, about two paragraphs) with links under sibling_max_link_share
    # (Readability's 0.2 and 0.25; its floor of 10 is three to four of our paragraph scores,
    # which drops a two-paragraph tail after an ad slot).
    sibling_share: float = 0.2
    sibling_min_score: float = 5.0
    sibling_max_link_share: float = 0.25


DEFAULT_HTML_CONFIG = HtmlConfig()


@dataclass(frozen=True)
class HtmlArticle:
    """What a page says about its article; ``text`` is the sapo then the body, one paragraph a line."""

    title: str = ""
    sapo: str = ""
    paragraphs: tuple[str, ...] = ()
    published: str = ""
    source: str = ""
    author: str = ""
    url: str = ""
    method: str = "dom"
    dropped: tuple[tuple[str, str], ...] = field(default=(), compare=False)  # (reason, text)

    @property
    def text(self) -> str:
        return "\n".join(([self.sapo] if self.sapo else []) + list(self.paragraphs))


# --------------------------------------------------------------------------- vocabulary

# Elements that never hold article prose.
_DROP_TAGS = (
    "script", "style", "noscript", "template", "iframe", "svg", "canvas", "button", "select", "input",
    "textarea", "video", "audio", "object", "embed", "picture", "map",
)
# Elements that are page chrome unless they wrap the article (ASP.NET pages put the whole page in
# one <form>; some templates put the body in an <aside>-free <figure>-free layout, most do not).
_CHROME_TAGS = ("form", "nav", "aside", "footer", "figure", "figcaption", "dialog")
# Block elements: each starts a new line of output.
_BLOCK_TAGS = frozenset(
    "p div section article main header li ul ol dl dt dd table tr td th tbody thead h1 h2 h3 h4 h5 h6 "
    "blockquote pre center address hr br".split()
)
# ARIA landmarks of page chrome.
_CHROME_ROLES = frozenset({"navigation", "complementary", "banner", "contentinfo", "menu", "menubar", "search"})
_HEADINGS = frozenset("h2 h3 h4 h5 h6".split())
_BOLD_TAGS = frozenset("strong b".split())
# Class/id words of page widgets, matched on the words of the class (split at - _ space and
# camelCase) or, for the long unambiguous ones, anywhere in it. Kinds, not one outlet's names.
_NOISE_WORDS = (
    "related|relate|relation|lienquan|tinlienquan|tinkhac|othernews|morenews|readmore|xemthem|"
    "caption|imgcaption|share|sharing|social|comment|comments|binhluan|breadcrumb|breadcrumbs|"
    "advert|advertisement|ads|ad|banner|quangcao|sponsor|tags|tag|keyword|keywords|"
    "author|authors|byline|tacgia|sidebar|newsletter|subscribe|rating|vote|toolbar|menu|nav|"
    "navigation|footer|popup|modal|hidden|print|pswp|gallery|slideshow|video|player|audio|"
    "signature|copyright|source|nguon|datetime|date|time|publish|meta|info|box-category|topic|"
    "trending|mostview|most|hot|widget|recommend|suggest|box|link|links"
)
NOISE_CLASS_RE = re.compile(r"(?:^|[\s\-_])(?:" + _NOISE_WORDS + r")(?:$|[\s\-_0-9])", re.IGNORECASE)
_NOISE_ANYWHERE_RE = re.compile(r"related|lienquan|caption|breadcrumb|comment|social|sharing|advert", re.IGNORECASE)
# A class naming the body: such an element is not dropped for a noise word it also carries.
_BODY_CLASS_RE = re.compile(r"(?:^|[\s\-_])(?:content|body|detail|article|main|post|entry|story|text|fck)"
                            r"(?:$|[\s\-_0-9])", re.IGNORECASE)
_SAPO_CLASS_RE = re.compile(r"sapo|(?:^|[\s\-_])(?:lead|lede|description|desc|summary|chapeau|intro|abstract)"
                            r"(?:$|[\s\-_])", re.IGNORECASE)
_CAMEL_RE = re.compile(r"(?<=[a-z])(?=[A-Z])")

_SENTENCE_END = ".!?…\"”»):;"
_CAPTION_RE = re.compile(
    r"^\s*[\(\[]?\s*(?:ảnh|hình|hình ảnh|video|clip|đồ họa|infographic|nguồn ảnh|photo)(?:\s+minh\s+họa)?\s*[:：]"
    r"|[\(\[]\s*(?:ảnh|hình|photo|nguồn)\s*[:：][^()\[\]]{1,80}[\)\]]\s*$"
    r"|^\s*[\(\[]?\s*ảnh\s+minh\s+họa\s*[\)\]]?\s*$"
    r"|[.!?…]\s*(?:ảnh|photo|nguồn\s+ảnh)\s*[:：]\s*[^.!?:]{1,60}$",  # "... sự kiện. Ảnh: New York Times"
    re.IGNORECASE,
)
_CREDIT_RE = re.compile(r"^\s*[\(\[]?\s*(?:theo|nguồn|source)\s*[:：]?\s+\S", re.IGNORECASE)
_POINTER_RE = re.compile(
    r"^\s*(?:>>+|»|xem\s+thêm|đọc\s+thêm|xem\s+tiếp|tin\s+liên\s+quan|bài\s+liên\s+quan|tin\s+cùng\s+chuyên\s+mục|"
    r"có\s+thể\s+bạn\s+quan\s+tâm|mời\s+(?:quý\s+)?(?:bạn\s+)?đọc|bình\s+luận|chia\s+sẻ|từ\s+khóa|tags?\s*:|"
    r"theo\s+dõi\s+.{0,40}trên)",
    re.IGNORECASE,
)
# "(Dân trí) - ", "(Soha.vn) - ": the dateline that opens an article's first paragraph; further
# down the page it opens another article's teaser.
_DATELINE_RE = re.compile(r"^\s*\([^()]{2,30}\)\s*[-–—]\s*\S")
_SPACE_RE = re.compile(r"\s+")
_WORD_RE = re.compile(r"\w+")


# --------------------------------------------------------------------------- public API


def extract_article(html: str, config: HtmlConfig = DEFAULT_HTML_CONFIG) -> HtmlArticle | None:
    """The article of a news page, or None when the page holds no text at all.

    Raises nothing on odd markup: lxml repairs what it can, and an empty or unparsable page is
    None. (A failure inside lxml itself propagates; the reader reports it as this page's rejection.)
    """
    import lxml.html
    from lxml.etree import ParserError

    if not html or not html.strip():
        return None
    try:
        tree = lxml.html.document_fromstring(html)
    except (ParserError, ValueError):
        return None
    meta = _metadata(tree)
    _drop_chrome(tree, config)
    containers = _containers(tree, config)
    container = containers[0] if len(containers) == 1 else (containers[0].getparent() if containers else None)
    title = meta.get("title") or _visible_title(tree)
    sapo_node, sapo = _find_sapo(tree, container, meta.get("description", ""))
    paragraphs: list[str] = []
    dropped: list[tuple[str, str]] = []
    if container is not None:
        alts: set[str] = set()
        blocks = [block for node in containers for block in _blocks(node, skip=sapo_node, alts=alts)]
        paragraphs, dropped = _select(blocks, title, sapo, alts, config)
    words = sum(len(p.split()) for p in paragraphs)
    if words < config.min_words:
        fallback = _trafilatura(html)
        if fallback is None:
            return None if not (sapo or paragraphs) else _article(meta, title, sapo, paragraphs, "dom", dropped)
        lines = [line.strip() for line in fallback["text"].split("\n") if line.strip()]
        if sum(len(line.split()) for line in lines) <= words:
            return _article(meta, title, sapo, paragraphs, "dom", dropped) if (sapo or paragraphs) else None
        if lines and title and _norm(lines[0]) == _norm(title):
            lines = lines[1:]
        for key in ("title", "published", "source", "url"):
            meta.setdefault(key, fallback.get(key, ""))
        return _article(meta, title or fallback.get("title", ""), "", lines, "trafilatura", ())
    return _article(meta, title, sapo, paragraphs, "dom", dropped)


def _article(meta: dict[str, str], title: str, sapo: str, paragraphs: list[str], method: str,
             dropped: Any) -> HtmlArticle:
    return HtmlArticle(
        title=_clean(title), sapo=_clean(sapo), paragraphs=tuple(paragraphs),
        published=meta.get("published", ""), source=meta.get("source", ""), author=meta.get("author", ""),
        url=meta.get("url", ""), method=method, dropped=tuple(dropped),
    )


def _trafilatura(html: str) -> dict[str, str] | None:
    """trafilatura's main text and metadata (offline), the fallback when the DOM pass finds nothing."""
    import trafilatura  # wrapped here only

    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True,
        # Keep the time of day when the page has it (trafilatura's default format drops it).
        date_extraction_params={"extensive_search": True, "original_date": True,
                                "outputformat": "%Y-%m-%dT%H:%M:%S%z"},
    )
    if document is None:
        return None
    get = document.get if isinstance(document, dict) else lambda key: getattr(document, key, None)
    return {"text": (get("text") or "").strip(), "title": (get("title") or "").strip(),
            "published": get("date") or "", "url": get("url") or "", "source": get("sitename") or ""}


# --------------------------------------------------------------------------- metadata


def _metadata(tree: Any) -> dict[str, str]:
    """title, description, published, source, author, url from meta tags, JSON-LD and the header."""
    found: dict[str, str] = {}
    tags: dict[str, str] = {}
    for node in tree.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").strip().lower()
        value = _unescape(node.get("content") or "")
        if key and value and key not in tags:
            tags[key] = value
    for key, names in (
        ("title", ("og:title", "twitter:title", "title")),
        ("description", ("og:description", "description", "twitter:description")),
        ("published", ("article:published_time", "pubdate", "publishdate", "datepublished", "dc.date.issued",
                       "og:published_time", "article:published", "date", "dc.date", "itemprop:datepublished")),
        ("source", ("og:site_name", "application-name", "dc.publisher")),
        ("author", ("author", "article:author", "dc.creator")),
        ("url", ("og:url",)),
    ):
        value = next((tags[name] for name in names if tags.get(name)), "")
        if value and not (key == "author" and value.startswith("http")):
            found[key] = value
    for record in _json_ld(tree):
        for key, value in (
            ("title", record.get("headline")), ("description", record.get("description")),
            ("published", record.get("datePublished")), ("author", _name_of(record.get("author"))),
            ("source", _name_of(record.get("publisher"))), ("url", record.get("url")),
        ):
            if isinstance(value, str) and value.strip():
                found[key] = _unescape(value)
        break
    if not found.get("published"):
        for node in tree.iter("time"):
            value = (node.get("datetime") or "").strip()
            if value:
                found["published"] = value
                break
    if not re.search(r"[0-9]:[0-9]", found.get("published", "")):
        # No tag, or a tag without the time of day ("2012-12-25"): the header line may have it.
        visible = _visible_date(tree).get("published", "")
        if visible and (not found.get("published") or _same_day(visible, found["published"])):
            found["published"] = visible
    if found.get("source", "").startswith(("http://", "https://")):
        found["source"] = (urlparse(found["source"]).hostname or "").removeprefix("www.")
    if not found.get("source"):
        found.update(_visible_source(tree))
    if not found.get("url"):
        for node in tree.iter("link"):
            if (node.get("rel") or "").lower() == "canonical" and node.get("href"):
                found["url"] = node.get("href").strip()
                break
    if not found.get("source") and found.get("url"):
        host = urlparse(found["url"]).hostname or ""
        found["source"] = host.removeprefix("www.")
    return found


_DATE_CLASS_RE = re.compile(r"date|time|publish|ngay|thoigian", re.IGNORECASE)
_SOURCE_CLASS_RE = re.compile(r"(?:^|[\s\-_])(?:source|publisher|nguon|outlet)(?:$|[\s\-_])", re.IGNORECASE)


def _visible_date(tree: Any) -> dict[str, str]:
    """The header's date line (an element named date/time/publish whose short text reads as a date)."""
    from bantin.ingest.dates import parse_date_detailed

    for node in tree.iter("span", "div", "p", "li", "time", "em", "small"):
        if not _DATE_CLASS_RE.search(_classes(node)):
            continue
        text = _clean(node.text_content())
        if 0 < _words(text) <= 15 and parse_date_detailed(text) is not None:
            return {"published": text}
    return {}


def _same_day(one: str, other: str) -> bool:
    from bantin.ingest.dates import parse_date

    first, second = parse_date(one), parse_date(other)
    return first is not None and second is not None and first.date() == second.date()


def _visible_source(tree: Any) -> dict[str, str]:
    """The outlet an aggregator credits: an element named source/publisher, by its title, its
    logo's alt text, or its short text."""
    for node in tree.iter("a", "span", "div", "p"):
        if not _SOURCE_CLASS_RE.search(_classes(node)):
            continue
        images = [img.get("alt") for img in node.iter("img") if (img.get("alt") or "").strip()]
        for value in (node.get("title"), *images, node.text_content()):
            text = _unescape(value or "")
            if 0 < _words(text) <= 10:
                return {"source": text}
    return {}


_ARTICLE_TYPES = {"newsarticle", "article", "reportagenews", "blogposting", "analysisnewsarticle", "webpage"}


def _json_ld(tree: Any) -> Iterator[dict[str, Any]]:
    """JSON-LD objects typed as articles, best first (NewsArticle before WebPage)."""
    records: list[dict[str, Any]] = []
    for node in tree.iter("script"):
        if (node.get("type") or "").strip().lower() != "application/ld+json" or not node.text:
            continue
        try:
            data = json.loads(node.text.strip().rstrip(";"))
        except (json.JSONDecodeError, ValueError):
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if not isinstance(item, dict):
                continue
            if isinstance(item.get("@graph"), list):
                stack.extend(item["@graph"])
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds):
                records.append(item)
    records.sort(key=lambda r: str(r.get("@type")).lower() == "webpage")
    yield from records


def _name_of(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(n for n in (_name_of(v) for v in value) if n)
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) else ""


def _visible_title(tree: Any) -> str:
    for node in tree.iter("h1"):
        text = _clean(node.text_content())
        if len(text.split()) >= 2:
            return text
    titles = tree.findall(".//title")
    if titles:
        text = _clean(titles[0].text_content())
        return re.split(r"\s+[|\-–—]\s+", text)[0] if text else ""
    return ""


# --------------------------------------------------------------------------- chrome


def _classes(node: Any) -> str:
    """The words a template names an element by: class, id, and a widget type (``type="RelatedOneNews"``)."""
    value = f"{node.get('class') or ''} {node.get('id') or ''} {node.get('type') or ''}"
    return _CAMEL_RE.sub("-", value)


def _is_noise_named(node: Any) -> bool:
    names = _classes(node)
    if not names.strip():
        return False
    if not (NOISE_CLASS_RE.search(names) or _NOISE_ANYWHERE_RE.search(names)):
        return False
    return not _BODY_CLASS_RE.search(names) or bool(_NOISE_ANYWHERE_RE.search(names))


def _is_hidden(node: Any) -> bool:
    style = (node.get("style") or "").replace(" ", "").lower()
    return node.get("hidden") is not None or "display:none" in style or "visibility:hidden" in style


def _drop_chrome(tree: Any, config: HtmlConfig) -> None:
    for node in list(tree.iter(*_DROP_TAGS)):
        if node.getparent() is not None:
            node.drop_tree()
    total = _prose_chars(tree) or 1
    for node in list(tree.iter(*_CHROME_TAGS)):
        if node.getparent() is not None and _prose_chars(node) < config.wrapper_share * total:
            node.drop_tree()
    for node in list(tree.iter("table")):  # image tables (an <img> and its caption, no prose)
        if node.getparent() is not None and node.find(".//img") is not None and _words(node.text_content()) < 40:
            node.drop_tree()
    for node in list(tree.iter()):
        if not isinstance(node.tag, str) or node.getparent() is None or node.tag in ("html", "body"):
            continue
        if node.tag not in _BLOCK_TAGS and node.tag not in ("span", "a", "time"):
            continue
        names = _classes(node)
        widget = _is_noise_named(node) and not (_SAPO_CLASS_RE.search(names) and not _NOISE_ANYWHERE_RE.search(names))
        if _is_hidden(node) or widget or (node.get("role") or "").lower() in _CHROME_ROLES:
            if node.tag in ("span", "a") and not _is_hidden(node):
                continue  # inline links and spans inside prose ("tag-link") stay
            if _prose_chars(node) >= config.wrapper_share * total:
                continue
            node.drop_tree()


def _prose_chars(node: Any) -> int:
    return sum(len(p.text_content()) for p in node.iter("p"))


# --------------------------------------------------------------------------- container


def _containers(tree: Any, config: HtmlConfig) -> list[Any]:
    """The body element, with the siblings that continue it (a body cut in two by an ad slot)."""
    for node in tree.iter():  # schema.org microdata names the body outright
        if isinstance(node.tag, str) and (node.get("itemprop") or "").strip() == "articleBody":
            if _words(node.text_content()) >= config.min_words:
                return [node]
    scores: dict[Any, float] = {}
    for node in tree.iter("p", "div", "td", "pre", "blockquote", "section", "body"):
        parent = node.getparent()
        if parent is None:
            continue
        own = node.tag in ("div", "td", "section", "body")
        for text, links in (_own_lines(node) if own else [(_clean(node.text_content()), _link_chars(node))]):
            score = _prose_score(text, links, config)
            if score:
                scores[parent] = scores.get(parent, 0.0) + score
                grand = parent.getparent()
                if grand is not None:
                    scores[grand] = scores.get(grand, 0.0) + score / 2
    if not scores:
        return []
    best = max(scores, key=lambda n: scores[n] * (1 - _link_share(n)))
    parent = best.getparent()
    if parent is None:
        return [best]
    # Readability's sibling rule: a sibling scoring a fifth of the body, or a plain prose
    # paragraph beside it, with little link text, is more of the same article.
    floor = max(config.sibling_min_score, config.sibling_share * scores[best])
    return [
        node for node in parent
        if node is best or (isinstance(node.tag, str) and _link_share(node) < config.sibling_max_link_share and (
            scores.get(node, 0.0) >= floor
            or (node.tag == "p" and len(_clean(node.text_content())) >= 80
                and _clean(node.text_content())[-1:] in _SENTENCE_END)))
    ]


def _prose_score(text: str, link_chars: int, config: HtmlConfig) -> float:
    """Readability's paragraph score (1 + commas + length/100 up to 3), discounted by link text.

    Commas are capped by the words (an address "Tầng 16, 17, 18, ..." is a list, not prose);
    a line that does not end like a sentence counts half, or nothing when it is short (a
    headline in a list of them, a menu entry): many of those must not outweigh a short body.
    """
    if len(text) < 25:
        return 0.0
    share = link_chars / len(text)
    if share > config.max_link_share:
        return 0.0
    score = (1 + min(text.count(","), _words(text) / 8) + min(len(text) / 100, 3)) * (1 - share)
    if text.rstrip()[-1:] not in _SENTENCE_END:
        score = 0.0 if len(text) < 80 else score / 2
    return score


def _own_lines(node: Any) -> list[tuple[str, int]]:
    """(text, link characters) of each line directly inside a div: its own text and inline
    children, cut at <br> and at block children."""
    lines: list[tuple[str, int]] = []
    parts, links = [node.text or ""], 0

    def cut() -> None:
        text = _clean("".join(parts))
        if text:
            lines.append((text, links))

    for child in node:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _BLOCK_TAGS:
            cut()
            parts, links = [], 0
        elif tag:
            content = child.text_content()
            parts.append(content)
            links += len(_clean(content)) if tag == "a" else _link_chars(child)
        parts.append(child.tail or "")
    cut()
    return lines


def _link_chars(node: Any) -> int:
    return sum(len(_clean(a.text_content())) for a in node.iter("a"))


def _link_share(node: Any) -> float:
    total = len(_clean(node.text_content()))
    return _link_chars(node) / total if total else 1.0


# --------------------------------------------------------------------------- blocks


@dataclass
class _Block:
    text: str
    tag: str  # the block element that holds it
    link_chars: int = 0
    bold_chars: int = 0
    heading: bool = False
    after_image: bool = False  # the first text after an <img>: where captions sit

    @property
    def bold(self) -> bool:
        return self.bold_chars >= 0.9 * len(self.text.replace(" ", ""))


def _blocks(container: Any, skip: Any = None, alts: set[str] | None = None) -> Iterator[_Block]:
    """The container's text, one block per block element or <br>, in document order; the images'
    alt texts go to ``alts``."""
    alts = set() if alts is None else alts
    parts: list[tuple[str, bool, bool]] = []  # (text, in a link, in bold)
    state: dict[str, Any] = {"tag": container.tag, "heading": False, "image": False}

    def flush() -> Iterator[_Block]:
        text = _clean("".join(t for t, _, _ in parts))
        if text:
            links = sum(len(t.replace(" ", "")) for t, a, _ in parts if a)
            bold = sum(len(t.replace(" ", "")) for t, _, b in parts if b)
            yield _Block(text, state["tag"], links, bold, state["heading"], state["image"])
            state["image"] = False
        parts.clear()

    def walk(node: Any, in_link: bool, in_bold: bool, heading: bool) -> Iterator[_Block]:
        if node is skip:
            return
        tag = node.tag if isinstance(node.tag, str) else ""
        block = tag in _BLOCK_TAGS
        in_link = in_link or tag == "a"
        in_bold = in_bold or tag in _BOLD_TAGS
        heading = heading or tag in _HEADINGS
        if tag == "img":
            state["image"] = True
            alt = _norm(_unescape(node.get("alt") or node.get("title") or ""))
            if alt:
                alts.add(alt)
        if block:
            yield from flush()
            state["tag"], state["heading"] = tag, heading
        if tag and node.text:
            parts.append((node.text, in_link, in_bold))
        for child in node:
            yield from walk(child, in_link, in_bold, heading)
            if child.tail:
                if isinstance(child.tag, str) and child.tag in _BLOCK_TAGS:
                    yield from flush()
                    state["tag"], state["heading"] = tag, heading
                parts.append((child.tail, in_link and child.tag != "a", in_bold and child.tag not in _BOLD_TAGS))
        if block:
            yield from flush()

    yield from walk(container, False, False, False)
    yield from flush()


def _select(blocks: list[_Block], title: str, sapo: str, alts: set[str], config: HtmlConfig) -> tuple[list[str], list[tuple[str, str]]]:
    """Body paragraphs of the container's blocks, and what was dropped and why."""
    from bantin.ingest.dates import parse_date_detailed

    kept: list[_Block] = []
    dropped: list[tuple[str, str]] = []
    title_n, sapo_n = _norm(title), _norm(sapo)
    for block in blocks:
        text = block.text
        words = _words(text)
        reason = None
        norm = _norm(text)
        if not norm:
            reason = "no words"
        elif norm == title_n:
            reason = "title repeated"
        elif sapo_n and (norm == sapo_n or (len(norm) > 40 and sapo_n.startswith(norm))):
            reason = "sapo repeated"
        elif block.link_chars > config.max_link_share * len(text.replace(" ", "")):
            reason = "link list"
        elif words <= config.max_caption_words and (_CAPTION_RE.search(text) or norm in alts):
            reason = "caption"
        elif (block.after_image and words <= config.max_image_caption_words and not block.bold
              and text.rstrip()[-1:] not in _SENTENCE_END):
            reason = "caption"
        elif words <= config.max_caption_words and _POINTER_RE.search(text):
            reason = "pointer to other pages"
        elif words <= config.max_author_words + 2 and _CREDIT_RE.search(text) and not text.rstrip().endswith(","):
            reason = "credit line"
        elif words <= config.max_date_line_words and _is_date_line(text, parse_date_detailed):
            reason = "date line"
        elif (kept or sapo_n) and _DATELINE_RE.match(text):
            reason = "teaser of another article (dateline after the lead)"
        if reason:
            dropped.append((reason, text))
        else:
            kept.append(block)
    # The author's name closing the body: short, no sentence end, every word capitalized.
    # The author's name and the credit ("Theo Reuters, AFP") closing the body, in either order.
    while kept and (_is_author_line(kept[-1], config) or _is_closing_credit(kept[-1].text)):
        dropped.append(("author or credit line", kept.pop().text))
    return [b.text for b in kept], dropped


def _is_date_line(text: str, parse: Any) -> bool:
    parsed = parse(text)
    if parsed is None:
        return False
    start, end = parsed.span
    rest = _WORD_RE.findall(text[:start] + text[end:])
    return len(rest) <= 6 and (parsed.has_time or len(rest) <= 3)


def _is_closing_credit(text: str) -> bool:
    return _words(text) <= 12 and bool(_CREDIT_RE.search(text)) and text.rstrip()[-1:] not in "!?:"


def _is_author_line(block: _Block, config: HtmlConfig) -> bool:
    text = block.text.strip(" -–—()")
    words = text.split()
    if not words or len(words) > config.max_author_words or text.endswith(("!", "?", ":", ",", ";", "…")):
        return False
    return all(w[:1].isupper() or not w[:1].isalpha() for w in words)


# --------------------------------------------------------------------------- sapo


def _find_sapo(tree: Any, container: Any, description: str) -> tuple[Any, str]:
    """(element, text) of the visible lead paragraph, or (None, "").

    A lead-named element counts only near the body (within its third ancestor), where a
    template puts the sapo; a "summary" box elsewhere in the page is something else.
    """
    scope = container if container is not None else tree
    for _ in range(3):
        if scope.getparent() is not None:
            scope = scope.getparent()
    for node in scope.iter():
        if not isinstance(node.tag, str) or node.tag in ("html", "body", "meta") or node is container:
            continue
        if not _SAPO_CLASS_RE.search(_classes(node)):
            continue
        text = _clean(node.text_content())
        if _words(text) >= 8 and text.rstrip()[-1:] in _SENTENCE_END + "." and _link_share(node) < 0.5:
            return node, text
    lead = _lead_after_title(tree, container)
    if lead is not None:
        return lead, _clean(lead.text_content())
    if description:
        wanted = _norm(description)[:60]
        if len(wanted) >= 30:
            for node in tree.iter("p", "h2", "div", "span", "strong"):
                text = _clean(node.text_content())
                if _norm(text).startswith(wanted) or (wanted in _norm(text)[:120] and _words(text) < 120):
                    if node.tag == "div" and any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS for c in node):
                        continue
                    return node, text
    return None, ""


def _lead_after_title(tree: Any, container: Any) -> Any | None:
    """A prose element between the headline (<h1>) and the body: where every template puts the sapo."""
    if container is None:
        return None
    heads = [h for h in tree.iter("h1") if _words(h.text_content()) >= 2]
    if not heads:
        return None
    started = False
    for node in tree.iter():
        if node is heads[0]:
            started = True
            continue
        if not started or not isinstance(node.tag, str):
            continue
        if node is container:
            return None
        if node.tag not in ("p", "h2", "h3", "h4", "div", "strong", "em", "span") or _has_block_child(node):
            continue
        text = _clean(node.text_content())
        if _words(text) >= 15 and text[-1:] in _SENTENCE_END and _link_share(node) < 0.3:
            return node if not _is_ancestor(node, container) else None
    return None


def _has_block_child(node: Any) -> bool:
    return any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS and c.tag != "br" for c in node)


def _is_ancestor(node: Any, other: Any) -> bool:
    return any(parent is node for parent in other.iterancestors())


# --------------------------------------------------------------------------- text


def _unescape(text: str) -> str:
    """Attribute or JSON text with its entities decoded; some CMSs escape twice (``&amp;#7871;``)."""
    for _ in range(3):
        if "&" not in text:
            break
        text, before = html_lib.unescape(text), text
        if text == before:
            break
    return _clean(text)


def _clean(text: str) -> str:
    return _SPACE_RE.sub(" ", unicodedata.normalize("NFC", text.replace("\u00a0", " "))).strip()


def _norm(text: str) -> str:
    return " ".join(_WORD_RE.findall(_clean(text).lower()))


def _words(text: str) -> int:
    return len(_WORD_RE.findall(text))
