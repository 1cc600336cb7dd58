"""The web app and REST API over the store (needs the ``web`` extra): ``create_app(db)``."""


def create_app(*args, **kwargs):
    """See :func:`bantin.serve.app.create_app` (imported here lazily: FastAPI is optional)."""
    from bantin.serve.app import create_app as build

    return build(*args, **kwargs)
