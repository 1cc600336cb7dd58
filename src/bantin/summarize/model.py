"""The concept-weight model: logistic regression over bigram features, stored as plain JSON.

File layout (``bantin/data/summarizer.json``, written by ``python -m bantin.summarize.train``)::

    {"version": 1, "features": [...FEATURES...], "mean": [...], "scale": [...],
     "coef": [...], "intercept": float, "idf": {"syllable": idf, ...}, "idf_default": float,
     "trained_on": "...", "params": {...selection parameters...}}

No pickle: the file is data, readable and diffable, and loading it runs no code.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Mapping

import numpy as np

from bantin.summarize.features import FEATURES

log = logging.getLogger(__name__)

MODEL_FILE = "summarizer.json"


@dataclass(frozen=True)
class ConceptModel:
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    idf: Mapping[str, float]
    idf_default: float
    params: Mapping[str, Any] = field(default_factory=dict)
    trained_on: str = ""

    def weights(self, X: np.ndarray) -> np.ndarray:
        """P(bigram in a human summary) for each feature row."""
        if len(X) == 0:
            return np.zeros(0)
        z = ((X - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": 1,
            "features": list(FEATURES),
            "mean": [round(float(x), 6) for x in self.mean],
            "scale": [round(float(x), 6) for x in self.scale],
            "coef": [round(float(x), 6) for x in self.coef],
            "intercept": round(float(self.intercept), 6),
            "idf_default": round(float(self.idf_default), 4),
            "params": dict(self.params),
            "trained_on": self.trained_on,
            "idf": {k: round(float(v), 3) for k, v in sorted(self.idf.items())},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "ConceptModel":
        if list(data.get("features", [])) != list(FEATURES):
            raise ValueError(
                "summarizer model was trained with other features; retrain it with "
                "`python -m bantin.summarize.train`"
            )
        return cls(
            mean=np.asarray(data["mean"], dtype=float), scale=np.asarray(data["scale"], dtype=float),
            coef=np.asarray(data["coef"], dtype=float), intercept=float(data["intercept"]),
            idf=dict(data["idf"]), idf_default=float(data["idf_default"]),
            params=dict(data.get("params", {})), trained_on=str(data.get("trained_on", "")),
        )

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> ConceptModel:
    """The shipped model (``bantin/data/summarizer.json``) or the one at ``path``; cached."""
    if path is None:
        text = resources.files("bantin").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    return ConceptModel.from_dict(json.loads(text))
