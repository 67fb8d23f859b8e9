"""The Textual voice assistant. It uses only edge's public API (``import edge``)."""
