"""Autograd Explorer: run PyTorch tutorial code safely and see autograd at work."""

__version__ = "0.1.0"
