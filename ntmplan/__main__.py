"""``python -m ntmplan``: the same command line as the ``ntmplan`` script."""

from ntmplan.cli import main

main()
