"""Pack the SCORM build into a SCORM 1.2 zip an LMS (Moodle: Add an activity → SCORM package) takes.

The site is the offline build (relative `.html` links, search index as a script) whose pages load
scorm-bridge.js. This module adds the launch page, `scorm.html`, which owns the LMS session and
shows the site in a frame (docs/assets/javascripts/scorm-launch.js), and `imsmanifest.xml`: one
organization with one item, one SCO whose href is the launch page, every file of the package
listed. The zip has the manifest at its root, as SCORM requires.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import quote
from xml.etree import ElementTree as ET

from .build import PublishError
from .offline import write_zip

LAUNCH_PAGE = "scorm.html"
LAUNCH_SCRIPT = "assets/javascripts/scorm-launch.js"
MANIFEST = "imsmanifest.xml"
# The first page the frame shows: the Latvian home page (the language switch is on every page).
START_PAGE = "index.html"
# What the LMS lists the activity as; both languages, since one package serves both.
TITLE = "Ētiska intervēšana · Ethical interviewing"
IDENTIFIER = "etiska-intervesana-scorm12"

IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"

_QUIZ_SECTION = re.compile(r"<section\b[^>]*>")
_QUIZ_ID = re.compile(r'\sdata-quiz="([^"]+)"')


def quiz_ids(site_dir: Path) -> list[str]:
    """The id of every quiz on the built pages: the module is completed when each one is done."""
    ids: set[str] = set()
    for page in site_dir.rglob("*.html"):
        for tag in _QUIZ_SECTION.findall(page.read_text(encoding="utf-8")):
            ids.update(_QUIZ_ID.findall(tag))
    return sorted(ids)


def launch_page(quizzes: list[str]) -> str:
    """The launch page's HTML. The quiz list goes in as JSON data, not as code."""
    config = json.dumps({"start": START_PAGE, "quizzes": quizzes}, ensure_ascii=False)
    config = config.replace("</", "<\\/")  # never closes the script element early
    title = html.escape(TITLE)
    return f"""<!doctype html>
<html lang="lv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{title}</title>
<style>html,body{{margin:0;height:100%;overflow:hidden}}
iframe{{display:block;border:0;width:100%;height:100%}}
noscript a{{display:block;padding:1rem;font:1.25rem/1.5 system-ui,sans-serif}}</style>
<script id="etika-scorm" type="application/json">{config}</script>
<script src="{LAUNCH_SCRIPT}" defer></script>
</head>
<body>
<iframe id="etika-site" name="etika-site" title="{title}" allow="fullscreen"></iframe>
<noscript><a href="{START_PAGE}" lang="lv">Atvērt moduli</a>
<a href="en/{START_PAGE}" lang="en">Open the module</a></noscript>
</body>
</html>
"""


def add_launch_page(site_dir: Path) -> Path:
    """Write scorm.html into a built SCORM site (before the link check, which then covers it)."""
    quizzes = quiz_ids(site_dir)
    if not quizzes:
        raise PublishError("scorm target", [f"{site_dir}: no quiz on any page to complete"])
    path = site_dir / LAUNCH_PAGE
    path.write_text(launch_page(quizzes), encoding="utf-8")
    return path


def manifest(files: list[str]) -> bytes:
    """imsmanifest.xml for the package's `files` (paths relative to its root, `/`-separated)."""
    ET.register_namespace("", IMSCP)
    ET.register_namespace("adlcp", ADLCP)
    root = ET.Element(f"{{{IMSCP}}}manifest", identifier=IDENTIFIER, version="1.0")
    metadata = ET.SubElement(root, f"{{{IMSCP}}}metadata")
    ET.SubElement(metadata, f"{{{IMSCP}}}schema").text = "ADL SCORM"
    ET.SubElement(metadata, f"{{{IMSCP}}}schemaversion").text = "1.2"
    organizations = ET.SubElement(root, f"{{{IMSCP}}}organizations", default="organization")
    organization = ET.SubElement(
        organizations, f"{{{IMSCP}}}organization", identifier="organization"
    )
    ET.SubElement(organization, f"{{{IMSCP}}}title").text = TITLE
    item = ET.SubElement(
        organization, f"{{{IMSCP}}}item", identifier="item", identifierref="sco", isvisible="true"
    )
    ET.SubElement(item, f"{{{IMSCP}}}title").text = TITLE
    resources = ET.SubElement(root, f"{{{IMSCP}}}resources")
    resource = ET.SubElement(
        resources,
        f"{{{IMSCP}}}resource",
        {"identifier": "sco", "type": "webcontent", f"{{{ADLCP}}}scormtype": "sco"},
        href=LAUNCH_PAGE,
    )
    for name in files:
        ET.SubElement(resource, f"{{{IMSCP}}}file", href=quote(name))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def write_package(site_dir: Path, output: Path) -> Path:
    """Add the manifest to a built SCORM site and write it as the zip `output` (manifest at root).

    A fault (full disk, read-only) raises PublishError; an earlier zip stays whole.
    """
    files = sorted(
        path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file()
    )
    files = [name for name in files if name != MANIFEST]
    (site_dir / MANIFEST).write_bytes(manifest(files))
    return write_zip(site_dir, output, folder=None, step="scorm target")
