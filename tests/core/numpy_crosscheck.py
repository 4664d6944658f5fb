"""numpy_crosscheck.py ATTENTION_COMPUTE: random requests through the native compute()
entry point, compared with a float64 numpy implementation (within 1e-5 relative), plus
requests that must be refused."""
import json
import subprocess
import sys

import numpy as np

TOOL = sys.argv[1]
rng = np.random.default_rng(2026)


def call(request):
    out = subprocess.run([TOOL], input=json.dumps(request).encode(), capture_output=True, check=False)
    return json.loads(out.stdout)


def phi(x):
    return np.where(x > 0, x + 1.0, np.exp(np.minimum(x, 0.0)))


def linear_reference(q, k, v, mask, heads):
    """Linear attention, phi(x) = elu(x) + 1, straight from its definition (n x n weights)."""
    dk, dv = q.shape[1] // heads, v.shape[1] // heads
    outputs, weights_per_head = [], []
    for h in range(heads):
        qh, kh, vh = q[:, h * dk:(h + 1) * dk], k[:, h * dk:(h + 1) * dk], v[:, h * dv:(h + 1) * dv]
        sim = np.where(mask, phi(qh) @ phi(kh).T, 0.0)
        total = sim.sum(axis=1, keepdims=True)
        w = np.divide(sim, total, out=np.zeros_like(sim), where=total > 0)
        weights_per_head.append(w)
        outputs.append(w @ vh)
    return weights_per_head, np.concatenate(outputs, axis=1)


def reference(q, k, v, scale, temperature, mask, heads):
    dk, dv = q.shape[1] // heads, v.shape[1] // heads
    outputs, weights_per_head = [], []
    for h in range(heads):
        qh, kh, vh = q[:, h * dk:(h + 1) * dk], k[:, h * dk:(h + 1) * dk], v[:, h * dv:(h + 1) * dv]
        s = qh @ kh.T / ((np.sqrt(dk) if scale else 1.0) * temperature)
        s = np.where(mask, s, -np.inf)
        top = s.max(axis=1, keepdims=True)
        safe = np.where(np.isfinite(top), top, 0.0)
        e = np.where(mask, np.exp(s - safe), 0.0)
        total = e.sum(axis=1, keepdims=True)
        w = np.divide(e, total, out=np.zeros_like(e), where=total > 0)
        weights_per_head.append(w)
        outputs.append(w @ vh)
    return weights_per_head, np.concatenate(outputs, axis=1)


def close(actual, expected, floor):
    actual = np.array(actual, dtype=np.float64)
    return np.all(np.abs(actual - expected) <= 1e-5 * np.maximum(np.abs(expected), floor))


failures = 0
for case in range(300):
    nq, nk = rng.integers(1, 10), rng.integers(1, 10)
    heads = int(rng.choice([1, 1, 2, 4]))
    dk, dv = heads * int(rng.integers(1, 5)), heads * int(rng.integers(1, 5))
    q = rng.uniform(-3, 3, (nq, dk)).astype(np.float32).astype(np.float64)
    k = rng.uniform(-3, 3, (nk, dk)).astype(np.float32).astype(np.float64)
    v = rng.uniform(-3, 3, (nk, dv)).astype(np.float32).astype(np.float64)
    scale = bool(rng.integers(0, 2))
    temperature = float(np.float32(rng.choice([1.0, 0.5, 2.0, 0.25])))
    kind = rng.choice(["none", "causal", "window", "window-global", "explicit"])
    linear = case % 3 == 0
    request = {"Q": q.tolist(), "K": k.tolist(), "V": v.tolist(), "scale": scale, "temperature": temperature,
               "heads": heads}
    if linear:
        request["kernel"] = "linear"
    i, j = np.meshgrid(np.arange(nq), np.arange(nk), indexing="ij")
    if kind == "none":
        mask = np.ones((nq, nk), bool)
    elif kind == "causal":
        mask, request["mask"] = j <= i, "causal"
    elif kind == "window":
        w = int(rng.integers(0, 3))
        mask, request["mask"] = np.abs(i - j) <= w, f"window:{w}"
    elif kind == "window-global":
        w, g = int(rng.integers(0, 3)), int(rng.integers(1, 3))
        mask = (np.abs(i - j) <= w) | (i < g) | (j < g)
        request["mask"] = f"window:{w}+global:{g}"
    else:
        mask = rng.integers(0, 2, (nq, nk)).astype(bool)
        request["mask"] = mask.tolist()
    reply = call(request)
    if linear:
        weights, output = linear_reference(q, k, v, mask, heads)
    else:
        weights, output = reference(q, k, v, scale, temperature, mask, heads)
    got_weights = reply["headWeights"] if heads > 1 else [reply["weights"]]
    ok = all(close(gw, ew, 1e-6) for gw, ew in zip(got_weights, weights))
    ok = ok and close(reply["output"], output, max(1e-6, np.abs(v).max()))
    if not ok:
        failures += 1
        print("MISMATCH", json.dumps(request)[:300])

bad_requests = [
    ({"Q": [[1, 2]], "K": [[1, 2, 3]], "V": [[1]]}, "K has 3 columns but Q has 2"),
    ({"Q": [[1]], "K": [[1]], "V": [[1]], "temperature": -2}, "temperature must be a finite number greater than 0"),
    ({"Q": [[1, 2], [3]], "K": [[1]], "V": [[1]]}, "Q row 1 has 1 entries but row 0 has 2"),
    ({"Q": [[1, 2]], "K": [[1, 2]], "V": [[1]], "heads": 2}, "heads (2) must divide d_v (1)"),
    ({"Q": [[1]], "K": [[1]], "V": [[1]], "kernel": "cosine"}, 'kernel must be "softmax" or "linear"'),
    ({"Q": [[1]], "K": [[1]], "V": [[1]], "mask": "window:1+global:x"},
     'mask "window:1+global:x" needs whole numbers: window:W or window:W+global:G, e.g. window:2+global:1'),
    ({"Q": [[1]], "K": [[1]], "V": [[1]], "mask": "window:-1"},
     'mask "window:-1" needs whole numbers: window:W or window:W+global:G, e.g. window:2+global:1'),
    ({"Q": [[1]], "K": [[1]], "V": [[1]], "mask": "sparse"},
     'unknown mask "sparse" (use none, causal, window:W, window:W+global:G or a boolean matrix)'),
    ({"Q": [[1]], "K": [[1]], "V": [[1]], "kernel": "linear", "tile": 2}, "tile works with the softmax kernel only"),
]
for request, message in bad_requests:
    reply = call(request)
    if reply.get("error") != message:
        failures += 1
        print("EXPECTED ERROR", message, "GOT", reply)

print(f"numpy cross-check: 300 random cases, {len(bad_requests)} refusals, {failures} failures")
sys.exit(1 if failures else 0)
