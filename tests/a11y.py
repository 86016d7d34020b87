"""What "accessible" means in our browser tests: axe-core's WCAG 2.1 A and AA rules, no violation."""

from __future__ import annotations

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def assert_accessible(axe, page) -> None:
    """axe finds nothing on the page as it is now; the report names what it found otherwise."""
    results = axe.run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()
