"""Evaluation: corpus loaders, ROUGE and clustering metrics, the `bantin evaluate` logic."""
