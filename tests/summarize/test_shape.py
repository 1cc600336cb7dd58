"""Article shape: lede-like share, sapo signals, and the shape mix of the concept model."""
import numpy as np
import pytest

from bantin.models import Article
from bantin.summarize import load_model
from bantin.summarize.features import FEATURES, SHAPE_SIGNALS, build_view, lede_share, shape_signals
from bantin.summarize.model import ConceptModel, Logistic, ShapeModels

BODY = (
    "Mưa lớn kéo dài nhiều ngày khiến nước sông Hồng dâng cao tại Hà Nội. "
    "Nhiều tuyến phố ven sông bị ngập sâu, giao thông ùn tắc kéo dài. "
    "Chính quyền thành phố đã sơ tán hàng trăm hộ dân đến nơi an toàn."
)
SAPO = "Nước sông Hồng dâng cao tại Hà Nội, hàng trăm hộ dân được sơ tán."
OTHER = "Bộ Y tế khuyến cáo người dân tiêm vắc xin cúm trước mùa đông năm nay."


def _article(k: int, text: str, title: str = "Nước sông Hồng dâng cao") -> Article:
    return Article(id=f"a{k}", title=title, text=text)


@pytest.mark.parametrize(
    "texts, share",
    [
        ([BODY], 0.0),  # one line: no paragraph can be a lede
        ([SAPO + " " + BODY], 0.0),  # the sapo on the body's line is not a paragraph of its own
        ([SAPO + "\n" + BODY], 1.0),  # a short first paragraph followed by more text
        ([SAPO + "\n" + BODY, BODY], 0.5),
    ],
)
def test_lede_share_counts_articles_opening_with_a_short_paragraph(texts, share):
    assert lede_share(build_view([_article(k, t) for k, t in enumerate(texts)])) == share


def test_shape_signals_are_none_without_a_lede_like_paragraph():
    assert shape_signals(build_view([_article(0, BODY)])) is None


def test_a_restated_sapo_scores_higher_than_an_unrelated_first_paragraph():
    sapo = shape_signals(build_view([_article(0, SAPO + "\n" + BODY)]))
    other = shape_signals(build_view([_article(0, OTHER + "\n" + BODY)]))
    assert sapo.shape == (len(SHAPE_SIGNALS),)
    assert sapo[0] > other[0]  # the body restates the sapo's bigrams
    assert sapo[1] > other[1]  # and the sapo holds the title's


def _logistic(rng, n_in: int, bias: float = 0.0) -> Logistic:
    return Logistic(mean=np.zeros(n_in), scale=np.ones(n_in), coef=rng.normal(size=(1, n_in)), intercept=np.array([bias]))


def _model(classifier_bias: float) -> ConceptModel:
    rng = np.random.default_rng(0)
    classifier = Logistic(np.zeros(2), np.ones(2), np.zeros((1, 2)), np.array([classifier_bias]))
    return ConceptModel(
        both=_logistic(rng, len(FEATURES)), idf={}, idf_default=5.0,
        shape=ShapeModels(body=_logistic(rng, len(FEATURES)), lede=_logistic(rng, len(FEATURES)), classifier=classifier),
    )


@pytest.mark.parametrize(
    "text, classifier_bias, part",
    [
        (BODY, 50.0, "both"),  # no lede-like paragraph: the model trained on both shapes
        (SAPO + "\n" + BODY, 50.0, "lede"),  # surely a sapo: the lede-trained part
        (SAPO + "\n" + BODY, -50.0, "body"),  # surely the body's own first paragraph: the body-trained part
    ],
)
def test_weights_follow_the_shape_of_the_input(text, classifier_bias, part):
    model = _model(classifier_bias)
    view = build_view([_article(0, text)])
    X = np.random.default_rng(1).normal(size=(7, len(FEATURES)))
    expected = {"both": model.both, "lede": model.shape.lede, "body": model.shape.body}[part].predict(X)
    np.testing.assert_allclose(model.weights(X, view), expected, atol=1e-12)
    np.testing.assert_allclose(model.weights(X), model.both.predict(X))  # no view: no shape mix


def test_shape_models_survive_the_json_round_trip():
    model = _model(0.3)
    again = ConceptModel.from_dict(model.to_dict())
    X = np.random.default_rng(2).normal(size=(5, len(FEATURES)))
    view = build_view([_article(0, SAPO + "\n" + BODY)])
    np.testing.assert_allclose(again.weights(X, view), model.weights(X, view), atol=1e-5)


def test_a_model_file_without_shape_models_still_loads():
    data = _model(0.0).to_dict()
    del data["shape"]
    assert ConceptModel.from_dict(data).shape is None


def test_the_shipped_model_has_shape_models():
    assert load_model().shape is not None
