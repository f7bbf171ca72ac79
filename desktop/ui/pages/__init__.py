"""Part of the Qt user interface."""
