"""The editorial workflow: who may do what, and the record of what was done.

One concept per module:

- ``roles``: the permissions each role has, and the checks every action goes through.
- ``passwords``: scrypt password hashes; signing in.
- ``audit``: the append-only log of status changes, overrides and refusals.
- ``checklist``: what an article needs before it may be scheduled or published.
- ``spelling_item``: the checklist's count of spelling and house-style problems.
- ``transitions``: the status table and ``change_status``.
- ``editing``: drafting and saving with the role rules applied.
- ``scheduler``: ``publish_due`` for scheduled articles whose time has come.
- ``locks``: soft locks ("sedang disunting oleh ...") and take-over.
- ``comments``: review comments anchored to a passage, and changes since submission.
- ``corrections``: correction notes on published articles.
- ``calendar``: what is scheduled or published per day and hour; the day's story budget.

Every refused action raises ``editor.errors.PermissionDenied`` (or a ``ChecklistError``)
after writing the refusal to the audit log in its own transaction, so the refusal is kept
even though the action's own unit of work was rolled back.
"""
