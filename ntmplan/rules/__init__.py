"""Rules: each a small registered unit with a stable code, grouped in scopes.

``registry`` defines rules and scopes, ``scopes`` lists the scopes (what each
kind of rule looks at, and the modules that register its rules), ``engine``
runs a scope, ``settings`` applies the configuration to findings. The rules
themselves: ``plan/`` on the plan file, ``data/`` on commune data,
``targets.py`` on a check's result, ``actuals.py`` on funding actuals,
``markers.py`` on the plan's ignore markers.
"""
