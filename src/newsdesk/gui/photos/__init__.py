"""Photos: the pane with its fields, list and view, picking photo files, thumbnails and the caches
of derived photo sizes."""
