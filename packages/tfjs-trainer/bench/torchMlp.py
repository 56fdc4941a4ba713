"""PyTorch reference figure for the trainer's kernels benchmark (bench/kernels.mjs).

Usage: /usr/bin/python3 torchMlp.py
Prints ONE JSON line on stdout. Needs torch (Debian: apt-get install -y python3-torch).

A plain PyTorch loop for a 100-256-256-3 relu MLP, CrossEntropyLoss, Adam lr 1e-3, on
10,000 x 100 float32 random data (3 classes), 5 epochs, batch 64, reshuffled each epoch.
Only the fit is timed, with the default thread count, with 1 thread and with cpu_count.
"""

import json
import os
import time

import torch
from torch import nn


def mlp():
    default_threads = torch.get_num_threads()
    cpu = os.cpu_count() or 1
    g = torch.Generator().manual_seed(0)
    X = torch.randn(10000, 100, generator=g, dtype=torch.float32)
    y = torch.randint(0, 3, (10000,), generator=g, dtype=torch.int64)

    def fit(threads):
        torch.set_num_threads(threads)
        torch.manual_seed(0)
        model = nn.Sequential(  # logits + CrossEntropyLoss
            nn.Linear(100, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 3)
        )
        opt = torch.optim.Adam(model.parameters(), lr=1e-3)
        loss_fn = nn.CrossEntropyLoss()
        t0 = time.perf_counter()
        model.train()
        for _ in range(5):
            perm = torch.randperm(X.shape[0])
            for i in range(0, X.shape[0], 64):
                idx = perm[i : i + 64]
                opt.zero_grad()
                loss = loss_fn(model(X[idx]), y[idx])
                loss.backward()
                opt.step()
        return (time.perf_counter() - t0) * 1000

    res = {
        "ms_default_threads": fit(default_threads),
        "ms_threads1": fit(1),
        "ms_threads_all": fit(cpu),
        "threads_default": default_threads,
        "threads_all": cpu,
    }
    torch.set_num_threads(default_threads)
    return {"mlp": res}


if __name__ == "__main__":
    print(json.dumps({"torch": torch.__version__, **mlp()}))
