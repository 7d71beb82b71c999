"""Stories in the window: grouping in the background (:mod:`.grouper`), the user's choices as
undoable commands (:mod:`.commands`, :mod:`.actions`), and what the centre shows for a story or
for three or more versions (:mod:`.centre`). :mod:`.slot` wires them into the main window, so
the window itself only places them."""
