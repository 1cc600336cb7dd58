"""Detect the encoding of Vietnamese bytes and decode them to NFC text (early version: UTF-8/UTF-16/cp1258)."""
from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    confidence: float
    lossy: bool = False
    notes: tuple[str, ...] = ()


def decode_bytes(data: bytes, name: str = "") -> Decoded:
    """Decode ``data`` to NFC text, guessing its encoding. Never raises."""
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(unicodedata.normalize("NFC", data[3:].decode("utf-8", "replace")), "utf-8-sig", 1.0)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded(unicodedata.normalize("NFC", data.decode("utf-16", "replace")), "utf-16", 1.0)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1258", "replace")
        return Decoded(unicodedata.normalize("NFC", text), "windows-1258", 0.5)
    return Decoded(unicodedata.normalize("NFC", text), "utf-8", 1.0)
