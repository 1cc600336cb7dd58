"""The concept-weight model: logistic regression over bigram features, stored as plain JSON.

File layout (``bantin/data/summarizer.json``, written by ``python -m bantin.summarize.train``)::

    {"version": 2, "features": [...FEATURES...], "mean": [...], "scale": [...],
     "coef": [[...level 1...], [...level 2...], ...], "intercept": [...per level...],
     "idf": {"syllable": idf, ...}, "idf_default": float, "trained_on": "...",
     "params": {...selection parameters...}}

Level k predicts P(a human summary contains the bigram at least k times); ROUGE clips counts,
so a second copy of a bigram in the summary only earns a match with the level-2 probability.

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
    coef: np.ndarray  # (levels, features)
    intercept: np.ndarray  # (levels,)
    idf: Mapping[str, float]
    idf_default: float
    params: Mapping[str, Any] = field(default_factory=dict)
    trained_on: str = ""

    def weights(self, X: np.ndarray) -> np.ndarray:
        """``W[row, k-1]`` = P(a human summary has the bigram at least k times), non-increasing in k."""
        if len(X) == 0:
            return np.zeros((0, len(self.intercept)))
        z = ((X - self.mean) / self.scale) @ self.coef.T + self.intercept
        return np.minimum.accumulate(1.0 / (1.0 + np.exp(-z)), axis=1)

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": 2,
            "features": list(FEATURES),
            "mean": [round(float(x), 6) for x in self.mean],
            "scale": [round(float(x), 6) for x in self.scale],
            "coef": [[round(float(x), 6) for x in level] for level in self.coef],
            "intercept": [round(float(x), 6) for x in self.intercept],
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
            coef=np.atleast_2d(np.asarray(data["coef"], dtype=float)),
            intercept=np.atleast_1d(np.asarray(data["intercept"], dtype=float)),
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
