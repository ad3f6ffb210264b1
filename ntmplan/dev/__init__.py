"""Tools for the people who work on ntmplan: the message catalogue and what is generated from the code.

``python -m ntmplan.dev.regenerate`` is the one command to run after adding or
changing a rule, a message or an output: it updates the Vietnamese catalogue,
the README's rule catalogue and the golden files. Nothing of ntmplan's own
commands imports this package.
"""
