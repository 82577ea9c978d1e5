"""Side-by-side benchmarks of graftql and its peers (graphql-core is the baseline).

    python -m bench --list
    python -m bench parse-sdl parse-query print [--repeat N] [--quick] [--json [FILE]]

See docs/benchmarks.md for the method and the latest figures.
"""
