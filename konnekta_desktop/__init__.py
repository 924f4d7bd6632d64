"""Switchboard desktop app for the Dstny Konnekta cloud PBX."""

__version__ = "0.1.0"
