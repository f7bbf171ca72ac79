"""One function per user action, each in one transaction, called by both the CLI and the GUI. No Qt."""
