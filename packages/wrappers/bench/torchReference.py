"""PyTorch / skorch reference figures for the wrappers benchmark (issue 8, bench item 4).

Usage: /usr/bin/python3 torchReference.py grid
Prints ONE JSON line on stdout. Needs torch and skorch (Debian: apt-get install -y python3-skorch).

grid: skorch's NeuralNetClassifier inside scikit-learn's GridSearchCV on the same data and split
      as run.mjs's SKLEARN_GRID (make_classification 6000 x 20, 3 classes, random_state=0; rows
      0-4999 searched, rows 5000-5999 for test accuracy). Module 20-H-H-3, relu, softmax output;
      skorch's default criterion for a classifier, NLLLoss, which NeuralNetClassifier applies to
      log(p) (the idiom of skorch's own tutorials). Adam, batch 64, 10 epochs, no internal
      validation split, shuffled batches. Grid {module__hidden: [32, 64], lr: [1e-3, 1e-2]},
      cv=3, refit=True.
        "1", "2":       n_jobs=1 / n_jobs=2 with torch's default thread count (what a user gets)
        "1_threads1":   n_jobs=1 after torch.set_num_threads(1)
        "1_threads_all": n_jobs=1 after torch.set_num_threads(os.cpu_count())
      With n_jobs=2, joblib's loky workers limit their own inner threads (cpu_count // n_jobs).
(The PyTorch MLP loop of the kernels benchmark is @scikeras/tfjs-trainer's bench/torchMlp.py.)
"""

import os

os.environ["PYTHONWARNINGS"] = "ignore"  # also in the n_jobs=2 worker processes
import json
import sys
import time
import warnings

warnings.filterwarnings("ignore")

import numpy as np
import torch
from torch import nn


class MLP(nn.Module):
    """in_features-hidden-hidden-out MLP with relu and a softmax output."""

    def __init__(self, in_features=20, hidden=32, out_features=3, softmax=True):
        super().__init__()
        layers = [
            nn.Linear(in_features, hidden),
            nn.ReLU(),
            nn.Linear(hidden, hidden),
            nn.ReLU(),
            nn.Linear(hidden, out_features),
        ]
        if softmax:
            layers.append(nn.Softmax(dim=-1))
        self.net = nn.Sequential(*layers)

    def forward(self, X):
        return self.net(X)


def grid():
    import skorch
    from sklearn.datasets import make_classification
    from sklearn.model_selection import GridSearchCV
    from skorch import NeuralNetClassifier

    X, y = make_classification(
        n_samples=6000, n_features=20, n_informative=10, n_redundant=4, n_classes=3, random_state=0
    )
    X = X.astype(np.float32)
    y = y.astype(np.int64)
    Xtr, ytr, Xte, yte = X[:5000], y[:5000], X[5000:], y[5000:]
    default_threads = torch.get_num_threads()
    cpu = os.cpu_count() or 1

    def one(n_jobs, threads):
        torch.set_num_threads(threads)
        torch.manual_seed(0)
        net = NeuralNetClassifier(
            MLP,
            module__in_features=20,
            module__out_features=3,
            criterion=nn.NLLLoss,  # skorch's default for a classifier: applied to log(softmax)
            optimizer=torch.optim.Adam,
            batch_size=64,
            max_epochs=10,
            train_split=None,
            verbose=0,
            iterator_train__shuffle=True,
        )
        gs = GridSearchCV(
            net, {"module__hidden": [32, 64], "lr": [1e-3, 1e-2]}, cv=3, refit=True, n_jobs=n_jobs
        )
        t0 = time.perf_counter()
        gs.fit(Xtr, ytr)
        ms = (time.perf_counter() - t0) * 1000
        return {
            "ms": ms,
            "acc": float(gs.score(Xte, yte)),
            "best": gs.best_params_,
            "n_jobs": n_jobs,
            "torch_threads": threads,
        }

    out = {
        "1": one(1, default_threads),
        "2": one(2, default_threads),
        "1_threads1": one(1, 1),
        "1_threads_all": one(1, cpu),
    }
    torch.set_num_threads(default_threads)
    return {
        "grid": out,
        "threads_default": default_threads,
        "cpu_count": cpu,
        "criterion": "NLLLoss on log(softmax) (skorch NeuralNetClassifier default)",
        "skorch": skorch.__version__,
    }


def main():
    kind = sys.argv[1] if len(sys.argv) > 1 else ""
    if kind != "grid":
        sys.stderr.write("usage: torchReference.py grid\n")
        sys.exit(2)
    result = grid()
    print(json.dumps({"torch": torch.__version__, **result}))


if __name__ == "__main__":
    main()
