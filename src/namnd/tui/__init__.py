"""The Textual user interface: app factory, screens, widgets and the shared theme."""
