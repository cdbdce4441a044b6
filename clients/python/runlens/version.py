"""The client's version, recorded on every run as the `runlens.client` tag."""

__version__ = "0.1.0"
