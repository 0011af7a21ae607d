"""Domain models and value types; no I/O, no Textual."""
