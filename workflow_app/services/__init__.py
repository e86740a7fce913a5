"""Use cases in plain functions; views and the CLI call these and nothing deeper."""
