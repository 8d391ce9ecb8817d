"""The command line: Typer apps that parse, prompt and print. No rule lives here."""
