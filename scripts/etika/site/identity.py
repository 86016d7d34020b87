"""The module's name in each language and its public address, read from mkdocs.yml.

Exports that leave the site (a Moodle question bank) carry the module's name; mkdocs.yml is the
one place it is written: `site_name` for Latvian, the i18n plugin's `site_name` for English.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils.yaml import yaml_load


@dataclass(frozen=True)
class SiteIdentity:
    names: dict[str, str]  # language -> the module's name
    site_url: str


def load(config_file: Path) -> SiteIdentity:
    """Read mkdocs.yml (with MkDocs' own loader, so `!ENV` tags work)."""
    with open(config_file, encoding="utf-8") as f:
        data = yaml_load(f)
    default = str(data.get("site_name") or "")
    names = {}
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for language in (plugin["i18n"] or {}).get("languages") or []:
                names[language["locale"]] = str(language.get("site_name") or default)
    return SiteIdentity(names=names or {"lv": default}, site_url=data.get("site_url") or "/")
