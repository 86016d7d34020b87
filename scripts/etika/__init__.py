"""The importable code of the training site: MkDocs hooks now; quiz engine and publisher later."""
