"""Views of the payments app: thin — parse, call a function, render."""
