"""The same PageRank and Louvain as bench/analytics.ts, with python-igraph, on the edge lists that
bench wrote: prints one JSON line of timings (seconds) and results. Run by bench/analytics.ts:

    /usr/bin/python3 bench/igraph-compare.py DIR

DIR holds n.txt (node count), directed.txt and undirected.txt ("u v" lines, merged pairs) and the
weights of each as float64 arrays (directed.w, undirected.w). PageRank: damping 0.85, weighted,
PRPACK (igraph's default; its solver stops at a residual of 1e-10). Louvain: community_multilevel,
weighted, resolution 1, final level. igraph's own thread count is what the package uses (one core).
"""
import json
import sys
import time
from array import array

import igraph as ig


def load(directory, name, n, directed):
    g = ig.Graph.Read_Edgelist(f"{directory}/{name}.txt", directed=directed)
    if g.vcount() < n:
        g.add_vertices(n - g.vcount())
    w = array("d")
    with open(f"{directory}/{name}.w", "rb") as f:
        w.frombytes(f.read())
    g.es["weight"] = w.tolist()
    return g


def main():
    directory = sys.argv[1]
    with open(f"{directory}/n.txt") as f:
        n = int(f.read())
    d = load(directory, "directed", n, True)
    t = time.perf_counter()
    pr = d.pagerank(damping=0.85, weights="weight", implementation="prpack")
    pagerank_s = time.perf_counter() - t
    array("d", pr).tofile(open(f"{directory}/pagerank.igraph", "wb"))
    del d
    u = load(directory, "undirected", n, False)
    t = time.perf_counter()
    parts = u.community_multilevel(weights="weight", return_levels=False, resolution=1)
    louvain_s = time.perf_counter() - t
    print(json.dumps({
        "igraph": ig.__version__,
        "pagerankS": pagerank_s,
        "louvainS": louvain_s,
        "louvainCommunities": len(parts),
        "louvainModularity": u.modularity(parts.membership, weights="weight"),
    }))


main()
