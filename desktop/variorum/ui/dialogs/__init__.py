"""Small dialogs of the main window: About, Preferences, loading problems."""
