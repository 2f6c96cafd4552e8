"""The only code that reads and writes tables. Every function takes the acting user."""
