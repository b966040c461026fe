"""Newsdesk: a desktop article editor for journalists."""

__version__ = "0.1.0"


def resource_path(*parts: str):
    """A path inside the shipped resources (templates, sample article, translations, icons)."""
    from importlib.resources import files

    return files("newsdesk.resources").joinpath(*parts)
