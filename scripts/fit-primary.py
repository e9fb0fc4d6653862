#!/usr/bin/env python3
"""Fit the weights of the primary choice (the `[primary]` table of data/catalog.toml).

The primary fact of a metric is the one with the highest score (src/resolve.rs): the sum of the
weights of the flags that hold for it (a `其中` part, a campaign, a whole-year word …), plus
value_log × log10(value) and later × (facts of the metric stated before). This script searches
those weights by coordinate descent so that as many gold primaries as possible are marked primary
on the seed reports and the development set (../shared/gold, ../shared/dev/gold), running the
release CLI with a temporary catalog — the same path users take. Facts do not change with these
weights, only which one is primary.

usage: python3 scripts/fit-primary.py [--write] [--rounds N]
       (build first: cargo build --release --bin zhibiao)
With --write the best weights replace the [primary] table of data/catalog.toml.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
CLI = os.environ.get("ZHIBIAO_CLI", os.path.join(ROOT, "target", "release", "zhibiao"))
CATALOG = os.path.join(ROOT, "data", "catalog.toml")
SETS = [
    (os.path.join(SHARED, "corpus"), os.path.join(SHARED, "gold")),
    (os.path.join(SHARED, "dev", "texts"), os.path.join(SHARED, "dev", "gold")),
]


def close(a, b):
    return a == b or abs(a - b) <= 0.005 * max(abs(a), abs(b))


def load_gold():
    out = []
    for texts, gold_dir in SETS:
        files = []
        for name in sorted(os.listdir(gold_dir)):
            if name.endswith(".json"):
                with open(os.path.join(gold_dir, name), encoding="utf-8") as f:
                    g = json.load(f)
                files.append(os.path.join(texts, g["source"]))
                out.append(g)
        yield files, out
        out = []


def with_weights(src, weights):
    """The catalog text with its [primary] table replaced by `weights`."""
    table = "[primary]\n" + "".join(f"{k} = {v!r}\n" for k, v in weights.items())
    head, sep, _ = src.partition("\n[primary]\n")
    if not sep:
        return src.rstrip("\n") + "\n\n" + table
    return head + "\n" + table


def primary_hits(cat_text, sets):
    with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False, encoding="utf-8") as f:
        f.write(cat_text)
        path = f.name
    try:
        hits = total = 0
        for files, golds in sets:
            out = subprocess.run([CLI, "extract", "--catalog", path, "--json", *files], capture_output=True, check=True).stdout
            docs = json.loads(out)
            docs = docs if isinstance(docs, list) else [docs]
            by_src = {os.path.basename(d["source"]): d for d in docs}
            for g in golds:
                pred = by_src.get(os.path.basename(g["source"]), {}).get("metrics", [])
                for m in g["metrics"]:
                    if not m.get("primary"):
                        continue
                    total += 1
                    if any(p.get("primary") and p["id"] == m["id"] and close(float(p["value"]), float(m["value"])) for p in pred):
                        hits += 1
        return hits, total
    finally:
        os.unlink(path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="write the best weights into data/catalog.toml")
    ap.add_argument("--rounds", type=int, default=2)
    a = ap.parse_args()
    if not os.access(CLI, os.X_OK):
        sys.exit("build the CLI first: cargo build --release --bin zhibiao")
    with open(CATALOG, encoding="utf-8") as f:
        src = f.read()
    weights = dict(tomllib.loads(src).get("primary", {}))
    sets = list(load_gold())
    best, total = primary_hits(with_weights(src, weights), sets)
    print(f"start: primary {best}/{total} with {weights}")
    factors = [0.0, 0.25, 0.5, 2.0, 4.0, -1.0]
    for r in range(a.rounds):
        improved = False
        for k in list(weights):
            base = weights[k]
            for fct in factors:
                trial = dict(weights)
                trial[k] = round(base * fct, 3) if base else fct
                hits, _ = primary_hits(with_weights(src, trial), sets)
                if hits > best:
                    best, weights, improved = hits, trial, True
                    print(f"round {r + 1}: {k} = {trial[k]} -> primary {hits}/{total}")
        if not improved:
            break
    print(f"best: primary {best}/{total}")
    print("\n".join(f"{k} = {v!r}" for k, v in weights.items()))
    if a.write:
        new = with_weights(src, weights)
        with open(CATALOG, "w", encoding="utf-8") as f:
            f.write(new)
        print(f"wrote {CATALOG}")


if __name__ == "__main__":
    main()
