"""A line that appears while a personnummer stands in text that will be published."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widgets import Label

from namnd.rules.personnummer import find_personnummer


class PersonnummerWarning(Label):
    """'Personnummer i offentlig text: 780312-XXXX …', shown only while there is one.

    Public versions mask every personnummer anyway (``rules.publication``), but the
    secretary should see it where it was typed: it usually belongs in a sekretess ärende
    or nowhere.
    """

    DEFAULT_CSS = """
    PersonnummerWarning { color: $warning; text-style: bold; display: none; }
    PersonnummerWarning.shown { display: block; }
    """

    def check(self, texts: Iterable[str], *, secret: bool) -> None:
        """Show the warning if any of ``texts`` holds a personnummer and is published."""
        found = [] if secret else [m.masked for text in texts for m in find_personnummer(text)]
        self.set_class(bool(found), "shown")
        if found:
            self.update(
                f"Personnummer i offentlig text: {', '.join(dict.fromkeys(found))} – det "
                "maskeras i offentliga versioner; ta bort det eller markera sekretess."
            )
