"""What a user can read in a screen's footer: the keys wholly in view, left to right."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets._footer import FooterKey

from namnd.tui.widgets.footer import Footer


def visible_footer_keys(screen: Screen) -> list[str]:
    """Keys (as bound, e.g. ``question_mark``) not cut off or hidden by the right group."""
    footer = screen.query_one(Footer)
    right = footer.query_one(".footer-right")
    keys = []
    for key in footer.query(FooterKey):
        in_right = key.parent is right
        limit = footer.region.right if in_right else right.region.x
        region = key.region
        if region.width and region.x >= footer.region.x and region.right <= limit:
            keys.append(key.key)
    return keys
