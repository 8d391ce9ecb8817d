"""Registers on disk: tables (CSV or XLSX), the workspace lock, the journal and the atomic commit."""
