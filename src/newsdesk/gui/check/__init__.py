"""The check: the findings pane and the findings worded in the interface language."""
