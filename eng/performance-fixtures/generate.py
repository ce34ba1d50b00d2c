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
    wp, wr, wf, _ = metrics.precision_recall_fscore_support(y, p, average="weighted", zero_division=0)
    up, ur, uf, _ = metrics.precision_recall_fscore_support(y, p, average="micro", zero_division=0)
    case = {
        "name": name, "task": "classification", "positive": str(positive),
        "labels": [str(v) for v in y], "predictions": [str(v) for v in p],
        "expected": {
            "accuracy": metrics.accuracy_score(y, p),
            "precision": float(pp[0]), "recall": float(pr[0]), "f1": float(pf[0]),
            "macro_precision": float(mp), "macro_recall": float(mr), "macro_f1": float(mf),
            "weighted_precision": float(wp), "weighted_recall": float(wr), "weighted_f1": float(wf),
            "micro_precision": float(up), "micro_recall": float(ur), "micro_f1": float(uf),
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


def multiclass(name, y, p, classes, matrix):
    """A probability matrix (one column per class, rows summing to 1) and scikit-learn's multi-class ROC AUCs with labels=classes
    (scikit-learn wants them sorted; Steward takes any column order)."""
    case = classification(name, y, p, classes[0])
    case["task"] = "multiclass"
    case["score_classes"] = [str(c) for c in classes]
    case["class_scores"] = [[float(v) for v in row] for row in matrix]
    matrix = np.asarray(matrix, dtype=float)
    for mc in ["ovr", "ovo"]:
        for average in ["macro", "weighted"]:
            key = f"roc_auc_{mc}" + ("_weighted" if average == "weighted" else "")
            try:
                case["expected"][key] = float(metrics.roc_auc_score(y, matrix, multi_class=mc, average=average, labels=classes))
            except ValueError:
                assert "never labelled" in name, name   # only where a class is missing; anything else is a bug in the case
                case["expected"][key] = None
    per_class = {}
    for i, c in enumerate(classes):
        truth = [1 if v == c else 0 for v in y]
        try:
            per_class[str(c)] = float(metrics.roc_auc_score(truth, matrix[:, i]))
        except ValueError:
            per_class[str(c)] = None
    case["expected"]["roc_auc_per_class"] = per_class
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
for k, classes in [(3, [0, 1, 2]), (4, sorted(["cat", "dog", "fish", "<bird>"])), (5, [1, 2, 3, 4, 5])]:
    for n in [6, 40, 500, 3000]:
        for shape in ["dirichlet", "ties", "imbalanced"]:
            if shape == "imbalanced":
                weights = np.array([0.7] + [0.3 / (k - 1)] * (k - 1))
                y_idx = rng.choice(k, n, p=weights)
                y_idx[:k] = np.arange(k)   # every class present
            else:
                y_idx = rng.integers(0, k, n)
                y_idx[:k] = np.arange(k)
            if shape == "ties":
                palette = rng.dirichlet(np.ones(k), 6)
                matrix = palette[rng.integers(0, 6, n)]
            else:
                logits = rng.normal(0, 1, (n, k))
                logits[np.arange(n), y_idx] += 1.0
                matrix = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
            pred_idx = matrix.argmax(axis=1)
            y = [classes[i] for i in y_idx]
            p = [classes[i] for i in pred_idx]
            cases.append(multiclass(f"multiclass {shape} k={k} n={n}", y, p, classes, matrix))
y_idx = rng.integers(0, 2, 50)   # class 2 never labelled: scikit-learn raises, so null
matrix = rng.dirichlet(np.ones(3), 50)
cases.append(multiclass("multiclass class never labelled", [int(v) for v in y_idx], [int(v) for v in matrix.argmax(axis=1)], [0, 1, 2], matrix))
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
