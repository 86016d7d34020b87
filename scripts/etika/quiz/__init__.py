"""The quiz engine: the YAML source, the schema, validation, the answer key and the HTML render.

It stands alone (no MkDocs, no other package of ours), so a new site generator needs only a new
adapter: `site/` plugs it into MkDocs, `publish/` exports it (Moodle XML, SCORM).
"""
