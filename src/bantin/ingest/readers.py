"""Read articles from plain text, HTML, JSON and JSONL files, directories and stdin.

Every input ends up as :class:`bantin.models.Article` with normalized text (NFC, traditional tone
placement, plain spaces; see :func:`bantin.text.normalize_text`). Inputs that cannot be used are
appended to ``errors`` as :class:`bantin.models.Rejected` (file, line, reason) and reading goes
on; with ``strict=True`` the first one raises :class:`ReadError` instead.

Formats:

* ``.txt``: the first line is the title when it is short (``ReaderConfig.max_title_words``) and
  has no sentence-final punctuation; the rest is the body. Leading scraper noise (menus, dates)
  is skipped when looking for the title but left in the text for the cleaner.
* ``.html`` / ``.htm``: title, sapo, body, date, url, outlet and author through
  :mod:`bantin.ingest.html` (DOM extraction; trafilatura when it finds no body).
* ``.json``: one article object or a list of them; ``.jsonl``: one object per line, streamed.
* directories: recursive, sorted; files with other extensions are reported as skipped.
* ``-``: JSONL on stdin.

Record fields: ``id``, ``title``, ``text`` (aliases ``content``, ``body``), ``source``, ``url``,
``published``; only the text is required. ``id`` defaults to the file path (``path:LINE`` for
JSONL, ``path:INDEX`` for JSON lists). A repeated id is reported and made unique (``id#2``).
"""
from __future__ import annotations

import json
import logging
import os
import re
import sys
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import IO, Any, Callable, Iterable, Iterator

from bantin.ingest.encoding import looks_like_viqr, viqr_to_unicode
from bantin.models import Article, Rejected
from bantin.text import normalize_text

log = logging.getLogger(__name__)

STDIN = "-"
STDIN_NAME = "<stdin>"


@dataclass(frozen=True)
class ReaderConfig:
    # A first .txt line longer than this is a sentence, not a headline: VMDS titles run 2-25
    # words (628 documents), AbMuSu titles 4-38 with 614 of 621 at most 25.
    max_title_words: int = 25
    # A one-word first line is a site or section name, not a headline (VMDS titles have 2+ words).
    min_title_words: int = 2
    # Characters that end a sentence; a first line ending in one of them is body, not a title.
    sentence_final: str = ".!?…;:\"”»)"
    # A text whose control characters exceed this fraction is binary data, not an article
    # (real text has none besides newlines and tabs, which normalization turns into spaces).
    max_control_fraction: float = 0.01
    # Replacement characters (U+FFFD) above this fraction of the text: undecodable, reject.
    max_replacement_fraction: float = 0.05
    # Bytes sniffed at the start of a JSONL file to choose its encoding when it is not UTF-8.
    sniff_bytes: int = 65536


DEFAULT_CONFIG = ReaderConfig()

TEXT_ALIASES = ("text", "content", "body")
# Unicode category Cc minus the whitespace controls (\t \n \v \f \r).
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
STRING_FIELDS = ("title", "source", "url")


class ReadError(Exception):
    """Raised in strict mode at the first rejected input; ``rejected`` says where and why."""

    def __init__(self, rejected: Rejected):
        super().__init__(str(rejected))
        self.rejected = rejected


class _Reporter:
    """Collects rejected and skipped inputs; raises in strict mode."""

    def __init__(self, errors: list[Rejected] | None, strict: bool, skipped: list[Rejected] | None):
        self.errors = errors
        self.strict = strict
        self.skipped = skipped

    def reject(self, where: str, reason: str, line: int | None = None) -> None:
        item = Rejected(where=where, reason=reason, line=line)
        if self.errors is not None:
            self.errors.append(item)
            log.info("rejected %s", item)
        else:  # nobody collects them: the log is the only report
            log.warning("rejected %s", item)
        if self.strict:
            raise ReadError(item)

    def skip(self, where: str, reason: str, level: int = logging.WARNING) -> None:
        item = Rejected(where=where, reason=f"skipped: {reason}")
        log.log(level, "%s", item)
        if self.skipped is not None:
            self.skipped.append(item)


# --------------------------------------------------------------------------- public API


def iter_articles(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    errors: list[Rejected] | None = None,
    strict: bool = False,
    skipped: list[Rejected] | None = None,
    config: ReaderConfig = DEFAULT_CONFIG,
) -> Iterator[Article]:
    """Yield articles from files, directories or ``-`` (JSONL on stdin), streaming.

    Bad inputs go to ``errors`` (or raise :class:`ReadError` when ``strict``); files a directory
    holds with unknown extensions go to ``skipped`` and the log (warning), hidden files and
    directories to ``skipped`` and the log (info): never silently.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]  # one path, not an iterable of one-character paths
    reporter = _Reporter(errors, strict, skipped)
    yield from unique_ids(article for path in paths for article in _iter_path(str(path), reporter, config))


def read_articles(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    errors: list[Rejected] | None = None,
    strict: bool = False,
    skipped: list[Rejected] | None = None,
    config: ReaderConfig = DEFAULT_CONFIG,
) -> list[Article]:
    """All articles of :func:`iter_articles` as a list."""
    return list(iter_articles(paths, errors=errors, strict=strict, skipped=skipped, config=config))


def article_from_record(
    record: Any, default_id: str, where: str, line: int | None = None, meta: dict[str, Any] | None = None
) -> Article | Rejected:
    """Build an article from a JSON object, or say why it cannot be one."""
    if not isinstance(record, dict):
        return Rejected(where, f"expected a JSON object, got {_json_type(record)}", line)
    text_key = next((k for k in TEXT_ALIASES if record.get(k) is not None), None)
    if text_key is None:
        return Rejected(where, "missing field 'text' (or 'content'/'body')", line)
    text = record[text_key]
    if not isinstance(text, str):
        return Rejected(where, f"field '{text_key}' must be a string, got {_json_type(text)}", line)
    if not text.strip():
        return Rejected(where, f"field '{text_key}' is empty", line)
    fields: dict[str, str] = {}
    for key in STRING_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            return Rejected(where, f"field '{key}' must be a string, got {_json_type(value)}", line)
        fields[key] = value or ""
    raw_id = record.get("id")
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, (str, int))):
        return Rejected(where, f"field 'id' must be a string or an integer, got {_json_type(raw_id)}", line)
    published = record.get("published")
    if published is not None and not isinstance(published, str):
        return Rejected(where, f"field 'published' must be a string, got {_json_type(published)}", line)
    article_id = str(raw_id) if raw_id is not None and str(raw_id).strip() else default_id
    if looks_like_viqr(f"{fields['title']}\n{text}"):  # JSON is UTF-8, but its strings may be VIQR
        text, fields["title"] = viqr_to_unicode(text), viqr_to_unicode(fields["title"])
        meta = {**(meta or {}), "encoding": "viqr"}
    return _make_article(
        where, line, text=text, id=article_id, published=published, meta=meta, **fields
    )


# --------------------------------------------------------------------------- paths


def _iter_path(path: str, reporter: _Reporter, config: ReaderConfig) -> Iterator[Article]:
    if path == STDIN:
        yield from _read_jsonl_stream(sys.stdin.buffer, STDIN_NAME, reporter, config)
        return
    if os.path.isdir(path):
        yield from _iter_directory(path, reporter, config)
        return
    if not os.path.lexists(path):
        reporter.reject(path, "no such file or directory")
        return
    reader = _reader_for(path)
    if reader is None:
        reporter.reject(path, f"unsupported file type {_extension(path)!r} (use {_known_list()})")
        return
    yield from _guarded(reader, path, reporter, config)


def _iter_directory(root: str, reporter: _Reporter, config: ReaderConfig) -> Iterator[Article]:
    def on_error(error: OSError) -> None:
        reporter.reject(error.filename or root, f"cannot list directory: {error.strerror or error}")

    for directory, subdirs, files in os.walk(root, onerror=on_error):
        for name in sorted(d for d in subdirs if d.startswith(".")):  # .git, .cache: not articles
            reporter.skip(os.path.join(directory, name), "hidden directory", logging.INFO)
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        for name in [d for d in subdirs if os.path.islink(os.path.join(directory, d))]:
            reporter.skip(os.path.join(directory, name), "symbolic link to a directory, not followed (no loops)")
            subdirs.remove(name)
        for name in sorted(files):
            path = os.path.join(directory, name)
            if name.startswith("."):
                reporter.skip(path, "hidden file", logging.INFO)
                continue
            reader = _reader_for(path)
            if reader is None:
                reporter.skip(path, f"unsupported file type {_extension(path)!r}")
                continue
            yield from _guarded(reader, path, reporter, config)


def _guarded(
    reader: Callable[[str, _Reporter, ReaderConfig], Iterator[Article]], path: str, reporter: _Reporter,
    config: ReaderConfig,
) -> Iterator[Article]:
    """The reader's articles; a failure inside it (a library's, or a bug) rejects this file, not the batch.

    The readers report every input problem they know of themselves; this is the last line for
    what they do not expect (a parser library crashing on a hostile page, a missing optional
    module), so one file never ends a run with a traceback. The traceback goes to the debug log.
    """
    try:
        yield from reader(path, reporter, config)
    except ReadError:
        raise
    except Exception as error:  # noqa: BLE001 -- reported as a rejection below
        log.debug("%s: reader failed", path, exc_info=True)
        reporter.reject(path, f"cannot read file: {_failure(error)}")


def _failure(error: BaseException) -> str:
    """One line naming an unexpected failure: the exception type and message, and the fix for a
    missing module."""
    if isinstance(error, ImportError):
        return f"{error} (reinstall bantin: pip install bantin, which pulls in every module it reads with)"
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0]}" if text else type(error).__name__


def _extension(path: str) -> str:
    return os.path.splitext(path)[1].lower()


def _reader_for(path: str) -> Callable[[str, _Reporter, ReaderConfig], Iterator[Article]] | None:
    return READERS.get(_extension(path))


def _known_list() -> str:
    return " ".join(sorted(READERS))


# --------------------------------------------------------------------------- bytes -> text


@dataclass(frozen=True)
class _Text:
    text: str
    encoding: str
    confidence: float
    lossy: bool = False


def _decode(data: bytes, name: str) -> _Text:
    """Bytes to NFC text through :func:`bantin.ingest.encoding.decode_bytes`."""
    from bantin.ingest.encoding import decode_bytes

    decoded = decode_bytes(data, name)
    for note in decoded.notes:
        log.info("%s: %s", name, note)
    return _Text(decoded.text, decoded.encoding, float(decoded.confidence), decoded.lossy)


def _read_bytes(path: str, reporter: _Reporter) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as error:
        reporter.reject(path, _os_reason(path, error))
        return None


def _os_reason(path: str, error: OSError) -> str:
    if os.path.islink(path) and not os.path.exists(path):
        return f"cannot read file: broken symbolic link to {os.readlink(path)!r}"
    return f"cannot read file: {error.strerror or error}"


def _text_problem(text: str, config: ReaderConfig, encoding: str = "") -> str | None:
    """Why decoded text is not an article (binary data, undecodable), or None."""
    if encoding == "binary":
        return "looks like binary data, not text"
    if not text.strip():
        return "empty file" if not text else "no text (only whitespace)"
    sample = text[:100_000]
    controls = len(_CONTROL_RE.findall(sample))
    if controls > config.max_control_fraction * len(sample):
        return f"looks like binary data ({controls} control characters in the first {len(sample)})"
    bad = sample.count("\ufffd")
    if bad > config.max_replacement_fraction * len(sample):
        return f"undecodable text ({bad} invalid characters in the first {len(sample)})"
    return None


def _load_text(path: str, reporter: _Reporter, config: ReaderConfig) -> _Text | None:
    data = _read_bytes(path, reporter)
    if data is None:
        return None
    if not data:
        reporter.reject(path, "empty file")
        return None
    decoded = _decode(data, path)
    problem = _text_problem(decoded.text, config, decoded.encoding)
    if problem:
        reporter.reject(path, problem)
        return None
    return decoded


# --------------------------------------------------------------------------- formats


def _read_txt(path: str, reporter: _Reporter, config: ReaderConfig) -> Iterator[Article]:
    decoded = _load_text(path, reporter, config)
    if decoded is None:
        return
    title, body = split_title(normalize_text(decoded.text), config)
    if not body.strip():
        body, title = title, ""
    yield _make_article(path, None, text=body, id=path, title=title, meta=_encoding_meta(decoded))


def split_title(text: str, config: ReaderConfig = DEFAULT_CONFIG) -> tuple[str, str]:
    """(title, body) of a plain-text article; the title is "" when the first real line is a sentence.

    Leading lines the cleaner would drop (menus, dates, share bars) and one-word lines (a site
    name such as "VnExpress") are passed over when looking for the title and stay in the body.
    A whole scraped page (:func:`bantin.ingest.lines.looks_like_page_dump`) keeps every line in
    the body (the cleaner drops the headline line and the page chrome); its title is the headline
    the line classifier finds above the body.
    """
    from bantin.ingest.boilerplate import line_noise_reason
    from bantin.ingest.lines import clean_dump, looks_like_page_dump

    lines = text.split("\n")
    if looks_like_page_dump(lines):
        return clean_dump(text).title, text  # a whole page: the headline above the body; the cleaner drops it
    for index, line in enumerate(lines):
        stripped = line.strip()
        if len(stripped.split()) < config.min_title_words or line_noise_reason(stripped) is not None:
            continue
        others = [other for other in lines[index + 1:] if other.strip()]
        if others and _is_title_like(stripped, config):
            return stripped, "\n".join(lines[:index] + lines[index + 1:]).strip("\n")
        break
    return "", text


def _is_title_like(line: str, config: ReaderConfig) -> bool:
    return len(line.split()) <= config.max_title_words and not line.endswith(tuple(config.sentence_final))


def _read_html(path: str, reporter: _Reporter, config: ReaderConfig) -> Iterator[Article]:
    decoded = _load_text(path, reporter, config)
    if decoded is None:
        return
    try:
        extracted = extract_html(decoded.text)
    except Exception as error:  # noqa: BLE001 -- a library failure is this page's rejection
        log.debug("%s: HTML extraction failed", path, exc_info=True)
        reporter.reject(path, f"HTML extraction failed: {_failure(error)}")
        return
    if extracted is None or not extracted.get("text", "").strip():
        reporter.reject(path, "no article text found in the HTML page")
        return
    meta = _encoding_meta(decoded)
    for key in ("sitename", "author", "sapo"):
        if extracted.get(key):
            meta[key] = extracted[key]
    meta["html_extractor"] = extracted.get("method", "")
    if extracted.get("dropped"):
        meta["html_dropped"] = extracted["dropped"]  # blocks of the body element left out, and why
    yield _make_article(
        path, None,
        text=extracted["text"], id=path, title=extracted.get("title") or "",
        source=extracted.get("sitename") or "", url=extracted.get("url") or "",
        published=extracted.get("date") or None, meta=meta,
    )


def extract_html(html: str) -> dict[str, str] | None:
    """Article text and metadata of an HTML page (:func:`bantin.ingest.html.extract_article`), or None.

    The text is the sapo then the body paragraphs, one a line; it does not repeat the title.
    """
    from bantin.ingest.html import extract_article

    article = extract_article(html)
    if article is None:
        return None
    return {
        "text": article.text, "title": article.title, "date": article.published, "url": article.url,
        "sitename": article.source, "author": article.author, "sapo": article.sapo, "method": article.method,
        "dropped": [{"reason": reason, "text": text} for reason, text in article.dropped],
    }


def _read_json(path: str, reporter: _Reporter, config: ReaderConfig) -> Iterator[Article]:
    decoded = _load_text(path, reporter, config)
    if decoded is None:
        return
    try:
        data = json.loads(decoded.text)
    except json.JSONDecodeError as error:
        reporter.reject(path, f"invalid JSON: {error.msg} (column {error.colno})", error.lineno)
        return
    meta = _encoding_meta(decoded)
    if isinstance(data, list):
        for index, record in enumerate(data):
            result = article_from_record(record, f"{path}:{index}", path, None, dict(meta))
            if isinstance(result, Rejected):
                reporter.reject(path, f"item {index}: {result.reason}")
            else:
                yield result
        return
    result = article_from_record(data, path, path, None, meta)
    if isinstance(result, Rejected):
        reporter.reject(result.where, result.reason)
    else:
        yield result


def _read_jsonl(path: str, reporter: _Reporter, config: ReaderConfig) -> Iterator[Article]:
    try:
        handle = open(path, "rb")
    except OSError as error:
        reporter.reject(path, _os_reason(path, error))
        return
    with handle:
        yield from _read_jsonl_stream(handle, path, reporter, config)


def _read_jsonl_stream(handle: IO[bytes], where: str, reporter: _Reporter, config: ReaderConfig) -> Iterator[Article]:
    """One record per line, never holding more than one line in memory.

    Lines are decoded as UTF-8 (as JSON requires); a line that is not valid UTF-8 goes through
    the encoding detector on its own.
    """
    any_line = False
    for number, raw in enumerate(handle, start=1):
        any_line = True
        result = article_from_line(raw, where, number, config)
        if isinstance(result, Rejected):
            reporter.reject(result.where, result.reason, result.line)
        elif result is not None:
            yield result
    if not any_line:
        reporter.reject(where, "empty file")


def article_from_line(raw: bytes, where: str, number: int,
                      config: ReaderConfig = DEFAULT_CONFIG) -> Article | Rejected | None:
    """One JSONL line (bytes, 1-based ``number``) as an article, a rejection, or None when blank.

    The line is decoded as UTF-8 (as JSON requires); a line that is not valid UTF-8 goes through
    the encoding detector on its own.
    """
    if not raw.strip():
        return None
    try:
        line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        decoded = _Text(line, "utf-8", 1.0)
    except UnicodeDecodeError:
        decoded = _decode(raw, f"{where}:{number}")
        line = decoded.text
    problem = _text_problem(line, config, decoded.encoding)
    if problem:
        return Rejected(where, problem, number)
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return Rejected(where, f"invalid JSON: {error.msg} (column {error.colno})", number)
    return article_from_record(record, f"{where}:{number}", where, number, _encoding_meta(decoded))


READERS: dict[str, Callable[[str, _Reporter, ReaderConfig], Iterator[Article]]] = {
    ".txt": _read_txt,
    ".html": _read_html,
    ".htm": _read_html,
    ".json": _read_json,
    ".jsonl": _read_jsonl,
}


# --------------------------------------------------------------------------- records


def _encoding_meta(decoded: _Text) -> dict[str, Any]:
    meta: dict[str, Any] = {"encoding": decoded.encoding, "encoding_confidence": round(decoded.confidence, 3)}
    if decoded.lossy:
        meta["encoding_lossy"] = True  # some characters could not be recovered exactly
    return meta


def _make_article(
    where: str,
    line: int | None,
    *,
    text: str,
    id: str,
    title: str = "",
    source: str = "",
    url: str = "",
    published: str | None = None,
    meta: dict[str, Any] | None = None,
) -> Article:
    meta = dict(meta or {})
    meta["file"] = where
    if line is not None:
        meta["line"] = line
    when = None
    if published and published.strip():
        when = parse_published(published)
        if when is None:
            meta["published_raw"] = normalize_text(published.strip())
            place = f"{where}:{line}" if line is not None else where
            message = f"unparseable published date {published.strip()!r}; kept as published_raw"
            meta.setdefault("warnings", []).append(message)
            log.warning("%s: %s", place, message)
    return Article(
        text=normalize_text(text).strip("\n"),
        id=normalize_text(id).strip(),
        title=normalize_text(title).strip(),
        source=normalize_text(source).strip(),
        url=unicodedata.normalize("NFC", url.strip()),  # NFC only: tone marks in a URL stay put
        published=when,
        meta=meta,
    )


def parse_published(value: str) -> datetime | None:
    """A ``published`` header string as a datetime, or None (bantin.ingest.dates.parse_date)."""
    from bantin.ingest.dates import parse_date

    return parse_date(value)


def unique_ids(articles: Iterable[Article]) -> Iterator[Article]:
    """The articles with unique ids: a missing id becomes ``a<N>``, a repeated one ``id#2``, ``id#3``...

    Each renaming is logged and recorded in ``meta["warnings"]`` (``meta["original_id"]`` keeps the old id).
    """
    seen: dict[str, int] = {}
    for number, article in enumerate(articles, 1):
        if not article.id:
            article = article.replace(id=f"a{number}")
        yield _unique_id(article, seen)


def _unique_id(article: Article, seen: dict[str, int]) -> Article:
    count = seen.get(article.id, 0) + 1
    seen[article.id] = count
    if count == 1:
        return article
    new_id = f"{article.id}#{count}"
    while new_id in seen:
        count += 1
        new_id = f"{article.id}#{count}"
    seen[new_id] = 1
    place = article.meta.get("file", "?")
    if article.meta.get("line") is not None:
        place = f"{place}:{article.meta['line']}"
    message = f"{place}: duplicate id {article.id!r} renamed to {new_id!r}"
    log.warning("%s", message)
    meta = dict(article.meta)
    meta["original_id"] = article.id
    meta["warnings"] = [*meta.get("warnings", []), message]
    return article.replace(id=new_id, meta=meta)


def _json_type(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean",
            int: "a number", float: "a number", type(None): "null"}.get(type(value), type(value).__name__)
