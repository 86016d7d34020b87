"""The importable code of the training site, one folder per concern (README "Layout")."""
