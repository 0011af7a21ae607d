"""File formats namnd reads and writes (agenda Markdown, data files); pure text ⇄ models."""
