"""The one Markdown → Word renderer every export uses (kallelse, protokoll, reports).

markdown-it-py parses (CommonMark plus GFM tables and strikethrough); this module walks
the token stream and writes real Word structure: Heading styles, List Bullet/List Number
paragraphs (each numbered list restarts at 1), tables with a header row, hyperlinks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph
from markdown_it import MarkdownIt
from markdown_it.token import Token

from namnd.renderers.docx_document import BODY_FONT, add_table, fit_header
from namnd.rules.plain_text import without_comments

_LINK_BLUE = RGBColor(0x05, 0x63, 0xC1)
# A table this wide (a delegationsbeslut list) goes on a landscape page in small print.
WIDE_COLUMNS = 5
WIDE_FONT = Pt(8)
_PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def parse(markdown: str) -> list[Token]:
    """Tokens of ``markdown``; exposed so callers can check what a text contains."""
    return _PARSER.parse(markdown)


@dataclass
class _ListLevel:
    ordered: bool
    num_id: int | None = None


@dataclass
class _Style:
    bold: bool = False
    italic: bool = False
    strike: bool = False
    code: bool = False
    link: str | None = None


@dataclass
class MarkdownRenderer:
    """Append Markdown to a python-docx Document.

    ``heading_offset`` shifts Markdown heading levels so that text nested under an
    ärende's own headings keeps a correct outline (``#`` + 2 → Heading 3).
    """

    document: Document
    heading_offset: int = 0
    _lists: list[_ListLevel] = field(default_factory=list)

    def render(self, markdown: str) -> None:
        """Render ``markdown`` at the end of the document."""
        tokens = parse(markdown)
        i = 0
        while i < len(tokens):
            i = self._block(tokens, i)

    # --- blocks -------------------------------------------------------------------

    def _block(self, tokens: list[Token], i: int) -> int:
        token = tokens[i]
        kind = token.type
        if kind == "heading_open":
            level = int(token.tag[1]) + self.heading_offset
            paragraph = self.document.add_heading("", level=max(1, min(level, 9)))
            self._inline(paragraph, tokens[i + 1])
            return i + 3
        if kind == "paragraph_open":
            paragraph = self._new_paragraph()
            self._inline(paragraph, tokens[i + 1])
            return i + 3
        if kind in ("bullet_list_open", "ordered_list_open"):
            self._lists.append(_ListLevel(ordered=kind == "ordered_list_open"))
            return i + 1
        if kind in ("bullet_list_close", "ordered_list_close"):
            self._lists.pop()
            return i + 1
        if kind == "table_open":
            return self._table(tokens, i)
        if kind in ("fence", "code_block"):
            for line in token.content.rstrip("\n").split("\n"):
                run = self.document.add_paragraph(style="No Spacing").add_run(line)
                run.font.name = "Courier New"
            return i + 1
        if kind == "blockquote_open":
            end = _matching_close(tokens, i)
            for j in range(i + 1, end):
                if tokens[j].type == "inline":
                    self._inline(self.document.add_paragraph(style="Quote"), tokens[j])
            return end + 1
        if kind == "hr":
            self.document.add_paragraph("")
            return i + 1
        if kind == "html_block":  # raw HTML is shown as text; comments are notes, never printed
            text = without_comments(token.content).strip()
            if text:
                self.document.add_paragraph(text)
            return i + 1
        return i + 1  # list_item_open/close and other structure carry no text

    def _new_paragraph(self) -> Paragraph:
        if not self._lists:
            return self.document.add_paragraph()
        level = self._lists[-1]
        depth = len(self._lists)
        base = "List Number" if level.ordered else "List Bullet"
        style = base if depth == 1 else f"{base} {min(depth, 3)}"
        paragraph = self.document.add_paragraph(style=style)
        if level.ordered:
            if level.num_id is None:
                level.num_id = self._restarted_numbering(style)
            if level.num_id is not None:
                _set_num(paragraph, level.num_id)
        return paragraph

    def _restarted_numbering(self, style_name: str) -> int | None:
        """A fresh w:num for the style's list so this list starts again at 1."""
        style = self.document.styles[style_name].element
        num_pr = style.pPr.numPr if style.pPr is not None else None
        if num_pr is None or num_pr.numId is None:
            return None
        numbering = self.document.part.numbering_part.numbering_definitions._numbering
        abstract_id = numbering.num_having_numId(num_pr.numId.val).abstractNumId.val
        num = numbering.add_num(abstract_id)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return num.numId

    def _table(self, tokens: list[Token], i: int) -> int:
        end = _matching_close(tokens, i)
        rows: list[list[Token]] = []
        for j in range(i, end):
            if tokens[j].type == "tr_open":
                rows.append([])
            elif tokens[j].type == "inline":
                rows[-1].append(tokens[j])
        if rows:
            wide = len(rows[0]) >= WIDE_COLUMNS
            if wide:
                _turn_page(self.document, landscape=True)

            def fill(cell, r: int, _c: int, inline: Token) -> None:
                paragraph = cell.paragraphs[0]
                self._inline(paragraph, inline, bold=r == 0)
                if wide:  # a list of decisions: small print, as the seed's lists
                    paragraph.paragraph_format.space_after = Pt(0)
                    for run in paragraph.runs:
                        run.font.size = WIDE_FONT

            font = WIDE_FONT if wide else BODY_FONT
            table = add_table(self.document, rows, fill=fill, text=_token_text, font=font)
            table.style = "Table Grid"
            repeat_header(table.rows[0])
            if wide:
                _turn_page(self.document, landscape=False)
        return end + 1

    # --- inline -------------------------------------------------------------------

    def _inline(self, paragraph: Paragraph, inline: Token, *, bold: bool = False) -> None:
        style = _Style(bold=bold)
        stack: list[_Style] = []
        target = paragraph._p
        for child in inline.children or []:
            kind = child.type
            if kind in ("strong_open", "em_open", "s_open", "link_open"):
                stack.append(style)
                style = _Style(**vars(style))
                if kind == "strong_open":
                    style.bold = True
                elif kind == "em_open":
                    style.italic = True
                elif kind == "s_open":
                    style.strike = True
                else:
                    style.link = str(child.attrs.get("href", ""))
                    target = _hyperlink(paragraph, style.link)
            elif kind in ("strong_close", "em_close", "s_close", "link_close"):
                if kind == "link_close":
                    target = paragraph._p
                style = stack.pop() if stack else _Style(bold=bold)
            elif kind == "text":
                _add_run(paragraph, target, child.content, style)
            elif kind == "code_inline":
                _add_run(paragraph, target, child.content, _Style(**{**vars(style), "code": True}))
            elif kind == "softbreak":
                _add_run(paragraph, target, " ", style)
            elif kind == "hardbreak":
                paragraph.add_run().add_break(WD_BREAK.LINE)
            elif kind == "image":
                _add_run(paragraph, target, child.content or "", style)
            elif kind == "html_inline":
                text = without_comments(child.content)
                if text:
                    _add_run(paragraph, target, text, style)


def _turn_page(document: Document, *, landscape: bool) -> None:
    """A new section on a landscape page (for a wide table), or back to portrait."""
    previous = document.sections[-1]
    if (previous.orientation == WD_ORIENT.LANDSCAPE) == landscape:
        return
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = previous.page_height, previous.page_width
    fit_header(section)


def _token_text(inline: Token) -> str:
    return inline.content


def _matching_close(tokens: list[Token], i: int) -> int:
    depth = 0
    for j in range(i, len(tokens)):
        depth += tokens[j].nesting
        if depth == 0:
            return j
    return len(tokens) - 1


def _add_run(paragraph: Paragraph, target, text: str, style: _Style) -> None:
    run = paragraph.add_run(text)
    if style.bold:
        run.bold = True
    if style.italic:
        run.italic = True
    if style.strike:
        run.font.strike = True
    if style.code:
        run.font.name = "Courier New"
    if style.link:
        run.font.underline = True
        run.font.color.rgb = _LINK_BLUE
    if target is not paragraph._p:
        target.append(run._r)


def _hyperlink(paragraph: Paragraph, url: str):
    """A w:hyperlink element pointing at ``url`` (python-docx has no public API)."""
    r_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    paragraph._p.append(link)
    return link


def _set_num(paragraph: Paragraph, num_id: int) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id


def repeat_header(row) -> None:
    """Mark a table's first row as its header (announced by screen readers, repeated)."""
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)
