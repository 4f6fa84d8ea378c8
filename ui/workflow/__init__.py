"""The editorial workflow in the desktop app: status moves, review, locks, calendar, audit.

Every action goes through ``editor.workflow``, which enforces the permissions; these
widgets only reflect them (disabled buttons that say why, a message when the core refuses).
"""
