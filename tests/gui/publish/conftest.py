"""The publish tests answer questions as the journalist would (window_helpers.answers)."""

from tests.gui.window_helpers import answers  # noqa: F401
