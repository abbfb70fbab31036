"""The explorer: a read-only web application over a historiograph database."""

from historiograph.web.app import create_app

__all__ = ["create_app"]
