"""Newsdesk: a desktop article editor for journalists."""

__version__ = "0.1.0"


def resource_path(*parts: str):
    """A path inside the shipped resources (templates, sample article, translations, icons)."""
    import os
    from pathlib import Path

    import newsdesk.resources as resources

    # A checkout, a wheel and the bundle all have the resources as a folder on disk, whose path
    # needs no importlib.resources (its import cost the start and every export ~3 ms). Only a
    # zipped install has no folder to name.
    folder = next(iter(getattr(resources, "__path__", [])), None)
    if folder is not None and os.path.isdir(folder):
        return Path(folder).joinpath(*parts)
    from importlib.resources import files

    return files("newsdesk.resources").joinpath(*parts)
