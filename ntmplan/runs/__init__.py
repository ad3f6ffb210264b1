"""The pipeline layer: one module per job, from input files to one result object.

Each ``run_*`` function loads its inputs once, computes the feature's figures
(``check``, ``budget``, ``schedule``, ``diff``, ``targets``), runs the rules of
the scopes involved under the configuration, and returns one result that every
output format renders. Commands only parse options and render what a run
returns; features compute and never run rules; rules read the features'
results. Nothing here prints.
"""
