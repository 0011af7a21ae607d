"""Use cases that combine formats, rules and storage (import, demo, export)."""
