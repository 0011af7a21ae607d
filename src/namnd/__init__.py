"""namnd: the nämndsekreterare's terminal tool for kallelse, protokoll and follow-up."""

__version__ = "0.1.0"
