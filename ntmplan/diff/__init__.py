"""``ntmplan diff``: what an edit of a plan changes, in the plan's own terms.

``source`` reads either version (a file or ``REV:path``), ``compare`` matches
and classifies the changes, ``result`` holds them with the new plan's
validation; ``ntmplan.runs.diff`` is the whole of it.
"""
