"""listing_check.py LISTING_DUMP: runs every NumPy listing the lesson prints and checks that
Python computes the weights and outputs the page shows (within 1e-5), the rows the KV cache
step writes one token at a time, the cross-attention step's weights, and that each listing states the page's results in its comments."""
import contextlib
import io
import json
import subprocess
import sys

import numpy as np

entries = json.loads(subprocess.run([sys.argv[1]], check=True, capture_output=True, text=True).stdout)
failures = 0
for entry in entries:
    name = entry["name"]
    if not entry["ok"]:
        print(f"FAIL {name}: the state could not be computed")
        failures += 1
        continue
    scope = {}
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(entry["code"], scope)
    weights = [w for w, _ in scope["heads"]] if "heads" in scope else [scope["W"]]
    problems = []
    if len(weights) != len(entry["weights"]):
        problems.append(f"{len(weights)} heads in Python, {len(entry['weights'])} on the page")
    for k, (got, want) in enumerate(zip(weights, entry["weights"])):
        if not np.allclose(got, np.array(want), atol=1e-5, rtol=0):
            problems.append(f"head {k + 1} weights differ: {got} vs {want}")
    if not np.allclose(scope["out"], np.array(entry["out"]), atol=1e-5, rtol=1e-5):
        problems.append(f"output differs: {scope['out']} vs {entry['out']}")
    if "cached" in entry:
        if "cached" not in scope:
            problems.append("the listing does not write the sentence with a KV cache")
        elif not np.allclose(scope["cached"], np.array(entry["cached"]), atol=1e-5, rtol=1e-5):
            problems.append(f"the KV cache rows differ: {scope['cached']} vs {entry['cached']}")
    if "cross" in entry:
        if "W_cross" not in scope:
            problems.append("the listing does not compute the cross-attention example")
        elif not np.allclose(scope["W_cross"], np.array(entry["cross"]), atol=1e-5, rtol=0):
            problems.append(f"the cross-attention weights differ: {scope['W_cross']} vs {entry['cross']}")
    if "as this page computed it" not in entry["code"] or not printed.getvalue().strip():
        problems.append("the listing neither prints nor states the page's results")
    if problems:
        failures += 1
        print(f"FAIL {name}: " + "; ".join(problems))
print(f"listing check: {len(entries)} listings run, {failures} failures")
sys.exit(1 if failures or not entries else 0)
