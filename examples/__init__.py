"""Example applications built on graftql (importable from the repository root)."""
