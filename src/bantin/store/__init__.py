"""The persistent store: articles, rejections, events with their briefs, the clusterer's state.

``Store`` (SQLite, :mod:`bantin.store.sqlite`) owns every SQL statement; ``Ingester``
(:mod:`bantin.store.ingest`) runs read -> clean -> copies -> events -> briefs into it.
"""
from bantin.store.sqlite import EventFilter, Store, StoreError, Stored, reader

__all__ = ["EventFilter", "Store", "StoreError", "Stored", "reader"]
