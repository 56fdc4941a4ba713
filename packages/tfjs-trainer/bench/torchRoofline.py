"""PyTorch reference for the trainer's roofline benchmark (bench/roofline.mjs).

Usage: /usr/bin/python3 torchRoofline.py ROWS CHAINS
CHAINS: JSON, name -> layer widths, e.g. '{"100-64-64-3": [100, 64, 64, 3]}' (roofline.mjs
passes its own, so the two sides time the same chains)
Prints ONE JSON line on stdout: {"torch": version, "ms": {"NAME": ms, ...}}. Needs torch.

The products alone, on ONE thread (torch.set_num_threads(1)), under torch.no_grad(): for each
chain of linear layers (no activation) in CHAINS, ROWS x inputs float32 random rows, in batches
of 1024 rows as torchScale.py's inference loop, each batch through torch.addmm layer by layer
(the bias starts each sum) into buffers allocated once, the last layer's into the rows of one
ROWS x outputs result (as ours writes one result array): no allocation per batch, whose page
faults cost ~20 us each on these VMs. The time is the fastest of REPS runs (the machine is
shared).
"""

import json
import sys
import time

import torch

REPS = 5
BATCH = 1024


def chain_ms(widths, n):
    torch.manual_seed(0)
    x = torch.rand(n, widths[0], dtype=torch.float32) * 2 - 1
    layers = [
        (torch.rand(widths[i], widths[i + 1]) - 0.5, torch.rand(widths[i + 1]) - 0.5)
        for i in range(len(widths) - 1)
    ]
    best = float("inf")
    with torch.no_grad():
        for _ in range(REPS):
            t0 = time.perf_counter()
            result = torch.empty(n, widths[-1], dtype=torch.float32)
            hidden = [torch.empty(BATCH, w, dtype=torch.float32) for w in widths[1:-1]]
            for i in range(0, n, BATCH):
                a = x[i : i + BATCH]
                rows = a.shape[0]
                for j, (w, b) in enumerate(layers):
                    to = result[i : i + rows] if j == len(layers) - 1 else hidden[j][:rows]
                    torch.addmm(b, a, w, out=to)
                    a = to
            best = min(best, (time.perf_counter() - t0) * 1000)
    return best


if __name__ == "__main__":
    torch.set_num_threads(1)
    n = int(sys.argv[1])
    chains = json.loads(sys.argv[2])
    print(json.dumps({"torch": torch.__version__, "ms": {k: chain_ms(v, n) for k, v in chains.items()}}))
