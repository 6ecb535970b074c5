"""The headless subcommands of autograd-explorer, one module each."""
