"""Fixtures shared across the test folders."""
import importlib.util

import pytest

from bantin.evaluate.corpora import shared_dir


@pytest.fixture(scope="session")
def shared_bench():
    """Load a reference scorer from ../shared/bench by name; skip the test when it is absent."""
    loaded = {}

    def load(name: str):
        if name not in loaded:
            path = shared_dir() / "bench" / f"{name}.py"
            if not path.exists():
                pytest.skip(f"../shared/bench/{name}.py absent")
            spec = importlib.util.spec_from_file_location(f"{name}_reference", path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            loaded[name] = module
        return loaded[name]

    return load
