"""The newsroom replica and its sync: one server, many offline replicas (docs/sync.md).

One concept per module:

- ``tables``: the sync tables (server: tokens, change feed, applied ops, conflicts,
  subscriptions; replica: outbox, shadows, deferred states, notices, state).
- ``states``: an article (and the other synced rows) as plain JSON-ready dictionaries.
- ``merge``: three-way merge of an article, field by field and line by line (merge3).
- ``tokens``: signing in for a token, checking and revoking tokens (server).
- ``feed``: recording every committed change with a sequence number, and pulling (server).
- ``visibility``: what a person may read, and which bodies their replica carries (server).
- ``apply``: carrying out a pushed op as its person through the core services (server).
- ``capture``: recording every local change in the outbox, in the same transaction.
- ``remote_apply``: writing the server's state into the replica.
- ``remote``: the HTTP client of the server (httpx).
- ``credentials``: where the client keeps its token (keyring, else a private file).
- ``replica``: the client API: sign in, sync, wait for changes, fetch a body, conflicts.
"""
