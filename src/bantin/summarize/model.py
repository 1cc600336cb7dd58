"""The concept-weight model: logistic regression over bigram features, stored as plain JSON.

File layout (``bantin/data/summarizer.json``, written by ``python -m bantin.summarize.train``)::

    {"version": 3, "features": [...FEATURES...], "mean": [...], "scale": [...],
     "coef": [[...level 1...], [...level 2...], ...], "intercept": [...per level...],
     "shape": {"body": {"mean", "scale", "coef", "intercept"}, "lede": {...},
               "classifier": {... over features.SHAPE_SIGNALS ...}},
     "idf": {"syllable": idf, ...}, "idf_default": float, "trained_on": "...",
     "params": {...selection parameters...}}

Level k predicts P(a human summary contains the bigram at least k times); ROUGE clips counts,
so a second copy of a bigram in the summary only earns a match with the level-2 probability.

Article shape. The top-level regression is trained on both article shapes (lede + body, body
only). ``shape`` (optional) adds one trained on bodies, one trained on lede + body, and a classifier
giving P(a lede-like first paragraph is a sapo rather than the body's own first paragraph). A
cluster's weights mix them (:meth:`ConceptModel.weights` with the view): articles without a
lede-like paragraph count for the both-shapes model, the others for the lede and body models in
the classifier's proportions. 5-fold CV in BENCHMARKS.md ("Article shape").

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

from bantin.summarize.features import FEATURES, SHAPE_SIGNALS, ClusterView, lede_share, shape_signals

log = logging.getLogger(__name__)

MODEL_FILE = "summarizer.json"


def _rounded(values: np.ndarray) -> list:
    return np.round(np.asarray(values, dtype=float), 6).tolist()


@dataclass(frozen=True)
class Logistic:
    """Standardized logistic regression, one row of ``coef`` per output."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray  # (outputs, features)
    intercept: np.ndarray  # (outputs,)

    def predict(self, X: np.ndarray) -> np.ndarray:
        z = ((X - self.mean) / self.scale) @ self.coef.T + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    def to_dict(self) -> dict[str, Any]:
        return {key: _rounded(getattr(self, key)) for key in ("mean", "scale", "coef", "intercept")}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Logistic":
        return cls(
            mean=np.asarray(data["mean"], dtype=float), scale=np.asarray(data["scale"], dtype=float),
            coef=np.atleast_2d(np.asarray(data["coef"], dtype=float)),
            intercept=np.atleast_1d(np.asarray(data["intercept"], dtype=float)),
        )


@dataclass(frozen=True)
class ShapeModels:
    """Concept regressions per article shape and the classifier that weighs them (module doc)."""

    body: Logistic
    lede: Logistic
    classifier: Logistic  # over features.SHAPE_SIGNALS

    def p_sapo(self, view: ClusterView) -> float:
        x = shape_signals(view)
        return 0.0 if x is None else float(self.classifier.predict(x[None])[0, 0])


@dataclass(frozen=True)
class ConceptModel:
    both: Logistic  # trained on both article shapes, one output per level (the top-level coefficients)
    idf: Mapping[str, float]
    idf_default: float
    params: Mapping[str, Any] = field(default_factory=dict)
    trained_on: str = ""
    shape: ShapeModels | None = None

    def weights(self, X: np.ndarray, view: ClusterView | None = None) -> np.ndarray:
        """``W[row, k-1]`` = P(a human summary has the bigram at least k times), non-increasing in k.

        With the cluster's ``view`` and a model with ``shape`` models, the shape mix of the module doc."""
        if len(X) == 0:
            return np.zeros((0, len(self.both.intercept)))
        both = self.both.predict(X)
        if self.shape is None or view is None:
            return np.minimum.accumulate(both, axis=1)
        ledes = lede_share(view)
        p = self.shape.p_sapo(view)
        mixed = ledes * (p * self.shape.lede.predict(X) + (1 - p) * self.shape.body.predict(X)) + (1 - ledes) * both
        return np.minimum.accumulate(mixed, axis=1)

    def to_dict(self) -> dict[str, Any]:
        shape = {} if self.shape is None else {"shape": {
            "body": self.shape.body.to_dict(), "lede": self.shape.lede.to_dict(),
            "classifier": dict(self.shape.classifier.to_dict(), signals=list(SHAPE_SIGNALS)),
        }}
        return {
            "version": 3,
            "features": list(FEATURES),
            **self.both.to_dict(),
            **shape,
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
        shape = data.get("shape")
        if shape is not None and list(shape["classifier"].get("signals", [])) != list(SHAPE_SIGNALS):
            raise ValueError("summarizer model has other shape signals; retrain it with `python -m bantin.summarize.train`")
        return cls(
            both=Logistic.from_dict(data), idf=dict(data["idf"]), idf_default=float(data["idf_default"]),
            params=dict(data.get("params", {})), trained_on=str(data.get("trained_on", "")),
            shape=None if shape is None else ShapeModels(
                body=Logistic.from_dict(shape["body"]), lede=Logistic.from_dict(shape["lede"]),
                classifier=Logistic.from_dict(shape["classifier"]),
            ),
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
