"""Renderers: each turns a result object into one output format."""
