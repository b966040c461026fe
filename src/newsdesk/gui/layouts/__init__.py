"""House layouts in the window: View > Page Layout, the preview's layout, the label check."""
