"""Adviesregister: an open-data archive of advisory councils' advice and the college's responses."""

__version__ = "0.1.0"
