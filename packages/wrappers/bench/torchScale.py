"""PyTorch reference for the wrappers' scale benchmark (bench/scale.mjs).

Usage: /usr/bin/python3 torchScale.py ROWS [ROWS ...]
Prints ONE JSON line on stdout: {"torch": version, "predict_ms": {"ROWS": ms, ...}}.

The same network as bench/scaleChild.mjs (100-64-64-3, relu, softmax output), random float32
inputs of ROWS x 100, a plain inference loop over batches of 1024 under torch.no_grad() on ONE
thread (torch.set_num_threads(1)), each batch's probabilities kept (as ours returns them).
The loop runs REPS (3) times per size; its time is the fastest (the machine is shared).
"""

import json
import sys
import time

import torch
from torch import nn

REPS = 3


def predict_ms(n):
    torch.manual_seed(0)
    X = torch.rand(n, 100, dtype=torch.float32) * 4 - 2
    model = nn.Sequential(
        nn.Linear(100, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 3), nn.Softmax(dim=-1)
    ).eval()
    best = float("inf")
    for _ in range(REPS):
        t0 = time.perf_counter()
        out = []
        with torch.no_grad():
            for i in range(0, n, 1024):
                out.append(model(X[i : i + 1024]))
        torch.cat(out)
        best = min(best, (time.perf_counter() - t0) * 1000)
    return best


if __name__ == "__main__":
    torch.set_num_threads(1)
    sizes = [int(a) for a in sys.argv[1:]]
    print(json.dumps({"torch": torch.__version__, "predict_ms": {str(n): predict_ms(n) for n in sizes}}))
