"""Qt widgets: the main window and its tabs. The only package that imports PySide6."""
