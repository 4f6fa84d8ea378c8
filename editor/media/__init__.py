"""The newsroom's media library: pictures stored once by content, described once.

A picture chosen in the app, imported, or shipped with the demo is copied into the
newsroom's database (``media_blobs``, keyed by the SHA-256 of its bytes, so the same photo
twice is stored once) with its description (``media_items``: original name, type, size,
pixel size, caption, credit, alt text, licence). Articles point to a picture with the
reference ``media:<sha256>``: as their lead image, and in the body as
``![alt](media:<sha256>)``. Whatever machine opens or publishes the newsroom finds the
same bytes, and a replica fetches them once from the newsroom server.

Modules: ``tables`` (the two tables), ``refs`` (the ``media:`` reference), ``intake``
(reading and checking a file from outside), ``library`` (adding, finding, describing),
``renditions`` (the resized copies a publish writes), ``header`` (the pixel size of a
picture file the publish copies as it is).
"""
