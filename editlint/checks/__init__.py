"""Check types: the kinds of analysis rules configure. Every module here is discovered by the registry."""
