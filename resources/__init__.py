"""Files Redaksi ships: templates, styles, fonts, translations and demo content.

A package so code reads them with ``importlib.resources`` wherever Redaksi is installed.
"""
