"""Pure rules of the domain (dates, numbering, deadlines): no I/O, no Textual."""
