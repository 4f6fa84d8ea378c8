"""Story packages: articles carried in a zip file when there is no network at all.

- ``layout``: what a package holds, its limits, and the one error it raises.
- ``writer``: ``export_package`` writes the articles, their pictures and checksums.
- ``reader``: ``read_package`` checks a file from outside and returns what it carries.
- ``merge_in``: ``import_package`` takes a package through the sync's own merge.
"""
