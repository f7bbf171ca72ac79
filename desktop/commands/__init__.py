"""Subcommands of the `sxtdbv` command line, one module per area, each with `register(subparsers)`."""
