"""Compares two FlatGraphs dumped by flatc --json: every field of every
variable and node (but node properties), and the graph-level fields
SameDiff reads. Prints each difference and a summary line."""
import json
import sys

a, b = (json.load(open(p)) for p in sys.argv[1:3])
diffs = []
for kind in ("variables", "nodes"):
    if len(a.get(kind, [])) != len(b.get(kind, [])):
        diffs.append(f"{kind}: {len(a.get(kind, []))} vs {len(b.get(kind, []))}")
    for x, y in zip(a.get(kind, []), b.get(kind, [])):
        for key in sorted(set(x) | set(y)):
            if key != "properties" and x.get(key) != y.get(key):
                diffs.append(f"{kind} {x.get('name')}.{key}: {x.get(key)} vs {y.get(key)}")
for key in ("placeholders", "lossVariables", "trainingConfig"):
    if a.get(key) != b.get(key):
        diffs.append(f"graph.{key} differs")
for d in diffs:
    print(d)
print(f"{len(a.get('variables', []))} variables, {len(a.get('nodes', []))} nodes, "
      f"{len(diffs)} differences")
