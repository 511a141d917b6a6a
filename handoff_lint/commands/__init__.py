"""Sub-commands beyond check: init, new, fix and the language server."""
