"""evaluate.heldout: the fixed held-out split for brief quality (issue 9)."""
import pytest

from bantin.evaluate import heldout

VMDS_HELD = {
    "cluster_7", "cluster_13", "cluster_16", "cluster_18", "cluster_23", "cluster_41", "cluster_51", "cluster_59",
    "cluster_68", "cluster_77", "cluster_82", "cluster_85", "cluster_87", "cluster_92", "cluster_97", "cluster_101",
    "cluster_115", "cluster_122", "cluster_132", "cluster_138", "cluster_153", "cluster_165", "cluster_166",
    "cluster_168", "cluster_174", "cluster_180", "cluster_181", "cluster_190", "cluster_197", "cluster_198",
}
ABMUSU_HELD = {
    "abmusu_1", "abmusu_3", "abmusu_7", "abmusu_13", "abmusu_17", "abmusu_23", "abmusu_26", "abmusu_28", "abmusu_30",
    "abmusu_33", "abmusu_53", "abmusu_67", "abmusu_74", "abmusu_76", "abmusu_82", "abmusu_86", "abmusu_91",
    "abmusu_102", "abmusu_106", "abmusu_141", "abmusu_145", "abmusu_146", "abmusu_151", "abmusu_165", "abmusu_171",
    "abmusu_172", "abmusu_175", "abmusu_182", "abmusu_193", "abmusu_200",
}


def test_the_draw_depends_only_on_the_seed_and_the_ids():
    vmds_ids = [f"cluster_{n}" for n in range(1, 201) if n != 178]  # VMDS has 199 clusters (no cluster_178)
    abmusu_ids = [f"abmusu_{n}" for n in range(1, 201)]
    assert heldout.held_out_ids(vmds_ids, "vmds") == VMDS_HELD
    assert heldout.held_out_ids(abmusu_ids, "abmusu") == ABMUSU_HELD
    assert heldout.held_out_ids(vmds_ids, "vmds") == heldout.held_out_ids(list(vmds_ids), "vmds")


def test_corpus_of_ids():
    assert [heldout.corpus_of(i) for i in ("cluster_3", "abmusu_3", "realweb:binance_pardon")] == ["vmds", "abmusu", "realweb"]


@pytest.mark.corpus
def test_split_on_the_corpora_is_pinned_and_disjoint():
    from bantin.evaluate.corpora import corpus_path

    if corpus_path("vmds") is None or corpus_path("abmusu") is None:
        pytest.skip("VMDS / AbMuSu-train not found under ../shared/datasets")
    for name, pinned in (("vmds", VMDS_HELD), ("abmusu", ABMUSU_HELD)):
        held, dev = heldout.load_split(name, "heldout"), heldout.load_split(name, "dev")
        assert {c.id for c in held} == pinned
        assert not {c.id for c in held} & {c.id for c in dev}
        assert all(heldout.is_held_out(c.id) for c in held) and not any(heldout.is_held_out(c.id) for c in dev)
    events = heldout.load_split("realweb", "heldout")
    assert len(events) == 5 and all(len(e.articles) >= 2 and e.articles[0].published for e in events)
    assert heldout.load_split("realweb", "dev") == []
