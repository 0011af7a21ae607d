"""Renderers: domain data to Markdown, Word and iCalendar; none imports Textual."""
