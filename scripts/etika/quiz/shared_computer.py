"""The shared-computer switch on "My progress": "Don't keep my progress on this computer".

Rendered hidden; docs/assets/javascripts/shared-computer.js shows it and keeps progress in this
tab's sessionStorage while it is on. The "Delete my data" button is the progress table's own
(listings.py); shared-computer.js widens it to everything the site stored.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from .render import QuizRenderer

WORDS: dict[str, dict[str, str]] = {
    "lv": {
        "switch": "Neglabāt progresu šajā datorā",
        "on": (
            "Ieslēgts: progress tiek glabāts tikai līdz šīs pārlūka cilnes aizvēršanai; pēc tam "
            "šajā datorā no tā nekas nepaliek."
        ),
        "off": "Izslēgts: progress tiek glabāts šajā pārlūkā arī pēc tā aizvēršanas.",
    },
    "en": {
        "switch": "Don\u2019t keep my progress on this computer",
        "on": (
            "On: your progress is kept only until you close this browser tab; after that nothing "
            "of it stays on this computer."
        ),
        "off": "Off: your progress is kept in this browser after you close it.",
    },
}


def shared_computer_switch(renderer: QuizRenderer) -> etree.Element:
    """A native checkbox with role=switch, its label, and a status line that says which is on."""
    words = WORDS[renderer.lang]
    attrs = {"class": "shared-computer", "data-shared-computer": "", "hidden": "hidden"}
    box = etree.Element("div", {**attrs, "data-on": words["on"], "data-off": words["off"]})
    field = {
        "type": "checkbox",
        "role": "switch",
        "id": "shared-computer-switch",
        "aria-describedby": "shared-computer-status",
    }
    etree.SubElement(box, "input", field)
    renderer.plain(box, "label", words["switch"], **{"for": "shared-computer-switch"})
    status = {"id": "shared-computer-status", "role": "status", "aria-live": "polite"}
    renderer.plain(box, "p", words["off"], **status)
    return box
