"""The related-links list: its model and its pane."""
