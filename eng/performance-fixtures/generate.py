#!/usr/bin/python3
"""Golden values for Steward.Drift.Performance, computed with scikit-learn (Debian's python3-sklearn 1.2).

Run: /usr/bin/python3 eng/performance-fixtures/generate.py  (writes tests/Steward.Drift.Tests/Fixtures/performance.json.gz)

Each case holds the rows (labels and predictions as text, scores as numbers) and scikit-learn's metrics. The tests never
need scikit-learn: they read this file. Undefined values (roc_auc_score raising on a single class, r2_score of one row) are null.
"""
import gzip
import json
import math
import os
import warnings

import numpy as np
from sklearn import metrics

warnings.filterwarnings("ignore")
rng = np.random.default_rng(20261202)
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "Steward.Drift.Tests", "Fixtures", "performance.json.gz")


def num(v):
    v = float(v)
    return None if not math.isfinite(v) else v


def classification(name, y, p, positive, scores=None):
    labels = sorted(set(y) | set(p))
    prec, rec, f1, support = metrics.precision_recall_fscore_support(y, p, labels=labels, average=None, zero_division=0)
    pp, pr, pf, _ = metrics.precision_recall_fscore_support(y, p, labels=[positive], average=None, zero_division=0)
    mp, mr, mf, _ = metrics.precision_recall_fscore_support(y, p, average="macro", zero_division=0)
    case = {
        "name": name, "task": "classification", "positive": str(positive),
        "labels": [str(v) for v in y], "predictions": [str(v) for v in p],
        "expected": {
            "accuracy": metrics.accuracy_score(y, p),
            "precision": float(pp[0]), "recall": float(pr[0]), "f1": float(pf[0]),
            "macro_precision": float(mp), "macro_recall": float(mr), "macro_f1": float(mf),
            "classes": {str(c): [float(a), float(b), float(d), int(s)] for c, a, b, d, s in zip(labels, prec, rec, f1, support)},
        },
    }
    if scores is not None:
        case["scores"] = [float(s) for s in scores]
        truth = [1 if v == positive else 0 for v in y]
        try:
            case["expected"]["roc_auc"] = metrics.roc_auc_score(truth, scores)
        except ValueError:
            case["expected"]["roc_auc"] = None
    return case


def regression(name, y, p):
    y = np.asarray(y, dtype=float)
    p = np.asarray(p, dtype=float)
    return {
        "name": name, "task": "regression",
        "labels": [repr(float(v)) for v in y], "predictions": [repr(float(v)) for v in p],
        "expected": {
            "mean_error": num(np.mean(p - y)),
            "mae": num(metrics.mean_absolute_error(y, p)),
            "rmse": num(metrics.mean_squared_error(y, p, squared=False)),
            "r2": num(metrics.r2_score(y, p)),
        },
    }


cases = []
for n in [1, 2, 7, 50, 333, 2000]:
    for balance in [0.5, 0.1]:
        y = (rng.random(n) < balance).astype(int)
        s = np.clip(y * 0.3 + rng.random(n) * 0.7, 0, 1)
        p = (s > 0.5).astype(int)
        cases.append(classification(f"binary n={n} balance={balance}", list(y), list(p), 1, s))
        tied = np.round(s, 1)
        cases.append(classification(f"binary ties n={n} balance={balance}", list(y), list(p), 1, tied))
        cases.append(classification(f"binary positive 0 n={n} balance={balance}", list(y), list(p), 0, 1 - s))
for n in [5, 40, 500, 3000]:
    classes = np.array(["cat", "dog", "fish", "<bird>"])
    y = classes[rng.integers(0, 4, n)]
    p = np.where(rng.random(n) < 0.6, y, classes[rng.integers(0, 4, n)])
    s = (y == "dog") * 0.2 + rng.random(n)
    cases.append(classification(f"multiclass n={n}", list(y), list(p), "dog", s))
y = ["a", "a", "b", "b"]
cases.append(classification("class only in predictions", y, ["a", "c", "b", "c"], "c", [0.1, 0.9, 0.2, 0.8]))
cases.append(classification("single class", ["1"] * 5, ["1", "0", "1", "1", "0"], "1", [0.9, 0.1, 0.8, 0.7, 0.2]))
cases.append(classification("positive never seen", ["0", "0", "2"], ["0", "2", "2"], "1", [0.1, 0.2, 0.3]))
cases.append(classification("all scores equal", [0, 1, 0, 1, 1], [0, 1, 1, 1, 0], 1, [0.5] * 5))
for n in [1, 3, 30, 1000, 4000]:
    y = rng.normal(50, 10, n)
    p = y + rng.normal(1, 5, n)
    cases.append(regression(f"regression n={n}", y, p))
    cases.append(regression(f"regression skewed n={n}", rng.lognormal(3, 1, n), rng.lognormal(3, 1.1, n)))
cases.append(regression("constant labels, perfect", [4.0] * 5, [4.0] * 5))
cases.append(regression("constant labels, errors", [4.0] * 5, [4.0, 5.0, 3.0, 4.0, 4.5]))
cases.append(regression("large offset", 1e9 + rng.normal(0, 1, 500), 1e9 + rng.normal(0, 1, 500)))

with gzip.open(OUT, "wt", encoding="utf-8") as f:
    json.dump({"sklearn": __import__("sklearn").__version__, "cases": cases}, f)
print(f"{len(cases)} cases -> {OUT}")
