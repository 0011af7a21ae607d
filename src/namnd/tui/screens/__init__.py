"""One module per screen; each holds a Store, never a session."""
