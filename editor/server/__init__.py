"""The newsroom server: an ASGI front end of the core, like ``editor.cli`` (docs/sync.md).

- ``app``: the HTTP API (Starlette): sign-in, push, pull, long-poll, bodies, tokens.
- ``notices``: waking waiting long-polls when a change commits (PostgreSQL LISTEN/NOTIFY).
- ``run``: ``redaksi server``: uvicorn with TLS and worker processes.

It keeps no state in the process: several processes behind a load balancer share one
PostgreSQL database, and every rule is the core's.
"""
