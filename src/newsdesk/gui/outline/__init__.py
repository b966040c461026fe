"""The outline: the section tree and the model behind it."""
