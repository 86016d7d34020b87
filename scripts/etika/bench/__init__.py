"""The benchmark behind `make bench`: build time against a bare site, page weight, Lighthouse and
the hostile-input corpus, measured against bench/budgets.json. May use every other package.
"""
