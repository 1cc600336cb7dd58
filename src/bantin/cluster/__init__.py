"""Near-duplicate grouping and event clustering (see ``events`` for the algorithm)."""
from bantin.cluster.dedup import DedupConfig, DuplicateGroup, find_duplicates
from bantin.cluster.events import ClusterConfig, EventClusterer, cluster_events, cluster_indices
from bantin.cluster.features import Background, FeatureWeights

__all__ = [
    "Background", "ClusterConfig", "DedupConfig", "DuplicateGroup", "EventClusterer", "FeatureWeights",
    "cluster_events", "cluster_indices", "find_duplicates",
]
