"""`make bench`: newsroom-scale workloads, the peers measured beside them, and the results.

run.py orchestrates; make_article.py builds (and caches under build/bench/) the articles; each
measure_*.py runs in a fresh process where start-up state matters; peers.py runs the bare window,
ReText and pandoc; first_paint.py is the hook that times "process start to first painted window"
the same way for every program. See bench/README.md.
"""
