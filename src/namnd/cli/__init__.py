"""The ``namnd`` command: English verbs, Swedish output, no tracebacks for users."""
