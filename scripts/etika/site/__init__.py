"""The MkDocs side: hooks that adapt MkDocs events to our functions, the config questions they
ask, the per-language search split, asset minifying and QR codes. May use `quiz`, nothing else.
"""
