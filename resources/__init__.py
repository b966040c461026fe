"""Data files shipped with Newsdesk: HTML templates and CSS, the sample article, translations, icons.

Installed as the package `newsdesk.resources`; read with `newsdesk.resource_path()`.
"""
