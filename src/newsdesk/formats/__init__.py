"""Importers (text, Markdown, JSON) and exporters (HTML). Plain Python, no Qt."""
