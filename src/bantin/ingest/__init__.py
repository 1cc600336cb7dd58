"""Reading raw inputs: files, encodings, boilerplate, dates.

``readers`` turns files, directories and stdin into :class:`bantin.models.Article` values
(with :mod:`.encoding` for bytes and :mod:`.dates` for ``published``); ``boilerplate`` drops
the lines of scraped text that are not article body.
"""
from bantin.ingest.boilerplate import CleanConfig, CleanResult, DroppedLine, clean, clean_article, clean_text
from bantin.ingest.readers import ReadError, ReaderConfig, iter_articles, read_articles

__all__ = [
    "iter_articles", "read_articles", "ReadError", "ReaderConfig",
    "clean", "clean_article", "clean_text", "CleanResult", "CleanConfig", "DroppedLine",
]
