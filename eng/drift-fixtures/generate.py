#!/usr/bin/python3
"""Golden values for Steward.Drift, computed with SciPy/NumPy (Debian's python3-scipy 1.10, python3-numpy 1.24).

Run: /usr/bin/python3 eng/drift-fixtures/generate.py  (writes tests/Steward.Drift.Tests/Fixtures/stattests.json.gz)

Each case holds the raw reference and current values (NaN and infinities as the strings "nan", "inf", "-inf"),
the column type, the test name and SciPy's score (and statistic). Cleaning, binning and the Evidently rules are
written here from docs/DRIFT.md's description, independently of the C# code, and the statistics come from SciPy.
"""
import gzip
import io
import json
import math
import os
import sys
import warnings

import numpy as np
from scipy import stats
from scipy.spatial import distance

warnings.filterwarnings("ignore")
rng = np.random.default_rng(20261202)
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "Steward.Drift.Tests", "Fixtures", "stattests.json.gz")


def enc(v):
    if isinstance(v, str):
        return v
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return float(v)


def clean(a):
    a = np.asarray(a, dtype=float)
    return a[np.isfinite(a)]


def shares(r, c, numerical, fill):
    if numerical and len(np.unique(r)) > 20:
        edges = np.histogram_bin_edges(np.concatenate([r, c]), bins="sturges")
        rp = np.histogram(r, edges)[0] / len(r)
        cp = np.histogram(c, edges)[0] / len(c)
    else:
        keys = sorted(set(r.tolist()) | set(c.tolist()))
        rp = np.array([np.sum(r == k) / len(r) for k in keys])
        cp = np.array([np.sum(c == k) / len(c) for k in keys])
    if fill:
        for p in (rp, cp):
            m = p[p != 0].min()
            np.place(p, p == 0, m / 10**6 if m <= 0.0001 else 0.0001)
    return rp, cp


def counts(r, c):
    keys = sorted(set(r.tolist()) | set(c.tolist()))
    return keys, np.array([np.sum(r == k) for k in keys], dtype=float), np.array([np.sum(c == k) for k in keys], dtype=float)


def compute(test, r, c, numerical):
    """Returns (score, statistic or None)."""
    if test == "ks":
        res = stats.ks_2samp(r, c)
        return res.pvalue, res.statistic
    if test in ("chisquare", "g_test"):
        keys, rc, cc = counts(r, c)
        exp = rc * (len(c) / len(r))
        res = stats.power_divergence(cc, exp, lambda_="log-likelihood" if test == "g_test" else "pearson")
        return res.pvalue, res.statistic
    if test == "z":
        keys = sorted(set(r.tolist()) | set(c.tolist()))
        if len(keys) == 1:
            return 1.0, None
        p1 = np.mean(r != keys[0]); p2 = np.mean(c != keys[0])
        n1, n2 = len(r), len(c)
        P = (n1 * p1 + n2 * p2) / (n1 + n2)
        z = (p1 - p2) / math.sqrt(P * (1 - P) * (1 / n1 + 1 / n2))
        return 2 * (1 - stats.norm.cdf(abs(z))), z
    if test == "wasserstein":
        return stats.wasserstein_distance(r, c) / max(np.std(r), 0.001), None
    if test == "ed":
        return stats.energy_distance(r, c), None
    if test == "jensenshannon":
        rp, cp = shares(r, c, numerical, False)
        return distance.jensenshannon(rp, cp), None
    if test == "psi":
        rp, cp = shares(r, c, numerical, True)
        return float(np.sum((rp - cp) * np.log(rp / cp))), None
    if test == "kl_div":
        rp, cp = shares(r, c, numerical, True)
        return stats.entropy(rp, cp), None
    if test == "hellinger":
        if not numerical:
            keys, rc, cc = counts(r, c)
            s = np.sum(np.sqrt(rc / len(r) * cc / len(c)))
            return math.sqrt(1 - np.clip(s, 0, 1)), None
        keys = np.unique(np.concatenate([r, c]))
        bins = np.histogram_bin_edges(keys, bins="sturges")
        h1 = np.histogram(r, bins=bins, density=True)[0]
        h2 = np.histogram(c, bins=bins, density=True)[0]
        w = (max(bins) - min(bins)) / (len(bins) - 1)
        s = sum(math.sqrt(a * b) * w for a, b in zip(h1, h2))
        return math.sqrt(1 - np.clip(s, 0, 1)), None
    if test == "anderson":
        res = stats.anderson_ksamp([r, c])
        return res.significance_level, res.statistic
    if test == "cramer_von_mises":
        res = stats.cramervonmises_2samp(r, c)
        return res.pvalue, res.statistic
    if test == "mannw":
        res = stats.mannwhitneyu(r, c, alternative="less")
        return res.pvalue, res.statistic
    if test == "t_test":
        res = stats.ttest_ind(r, c)
        return res.pvalue, res.statistic
    if test == "es":
        res = stats.epps_singleton_2samp(r, c)
        return res.pvalue, res.statistic
    if test == "fisher_exact":
        keys, rc, cc = counts(r, c)
        one_cur = cc[0]; one_ref = rc[0]
        table = [[one_cur, len(c) - one_cur], [one_ref, len(r) - one_ref]]
        res = stats.fisher_exact(table)
        return res[1], (res[0] if np.isfinite(res[0]) else None)
    if test == "TVD":
        keys, rc, cc = counts(r, c)
        return None, 0.5 * np.sum(np.abs(rc / len(r) - cc / len(c)))
    if test == "empirical_mmd":
        x = r.reshape(-1, 1); y = c.reshape(-1, 1)
        def dist(a, b):
            return (b ** 2).T - 2 * np.dot(a, b.T) + a ** 2
        dxx = dist(x, x)
        sigma = (0.5 * np.percentile(dxx.flatten(), 50, method="nearest")) ** 0.5
        if sigma == 0:
            sigma = 0.5 ** 0.5
        g = 1.0 / (2.0 * sigma ** 2)
        kxx = np.exp(-g * dxx); kyy = np.exp(-g * dist(y, y)); kxy = np.exp(-g * dist(x, y))
        np.fill_diagonal(kxx, 0); np.fill_diagonal(kyy, 0)
        n, m = len(x), len(y)
        return None, kxx.sum() / (n * (n - 1)) + kyy.sum() / (m * (m - 1)) - 2 * kxy.mean()
    raise ValueError(test)


cases = []


def add(name, test, ref, cur, numerical=True, labels=False):
    if labels:
        r = np.asarray([v for v in ref if v is not None]); c = np.asarray([v for v in cur if v is not None])
        codes = {k: i for i, k in enumerate(sorted(set(r.tolist()) | set(c.tolist())))}
        rn = np.array([codes[v] for v in r], dtype=float); cn = np.array([codes[v] for v in c], dtype=float)
        score, statistic = compute(test, rn, cn, False)
        refj = [v if v is not None else None for v in ref]; curj = [v if v is not None else None for v in cur]
    else:
        score, statistic = compute(test, clean(ref), clean(cur), numerical)
        refj = [enc(v) for v in ref]; curj = [enc(v) for v in cur]
    cases.append({
        "name": name, "stattest": test, "column_type": "num" if numerical and not labels else "cat", "labels": labels,
        "reference": refj, "current": curj,
        "score": None if score is None or (isinstance(score, float) and math.isnan(score)) else float(score),
        "statistic": None if statistic is None or not np.isfinite(statistic) else float(statistic),
    })


def normal(n, loc=0.0, scale=1.0):
    return np.round(rng.normal(loc, scale, n), 6).tolist()


def ints(n, lo, hi):
    return rng.integers(lo, hi, n).astype(float).tolist()


# Continuous tests over sizes around each method switch, shifts, ties, skew, NaN/inf.
continuous = ["ks", "wasserstein", "ed", "anderson", "cramer_von_mises", "mannw", "t_test", "es",
              "jensenshannon", "psi", "kl_div", "hellinger"]
sizes = [(5, 7), (8, 8), (6, 12), (9, 30), (20, 20), (20, 21), (25, 40), (100, 80), (250, 250), (600, 1100),
         (1000, 10000), (800, 10001), (3000, 2500)]
for test in continuous:
    for i, (n1, n2) in enumerate(sizes):
        if test == "mannw" and n1 * n2 > 2_000_000:
            continue
        shift = [0.0, 0.3, 1.0][i % 3]
        add(f"{test}-normal-{n1}x{n2}-shift{shift}", test, normal(n1), normal(n2, shift))
    add(f"{test}-ties", test, ints(300, 0, 40), ints(200, 3, 45))
    add(f"{test}-small-ties", test, ints(12, 0, 6), ints(9, 1, 7))
    add(f"{test}-skewed", test, np.round(rng.lognormal(0, 1.5, 700), 5).tolist(), np.round(rng.lognormal(0.2, 1.5, 500), 5).tolist())
    add(f"{test}-nan-inf", test, normal(60) + [math.nan, math.inf, -math.inf], [math.nan] + normal(70, 0.5) + [math.inf])
    add(f"{test}-few-values", test, ints(500, 0, 4), ints(400, 1, 5))

# The exact/asymptotic KS switch (max size 10,000), small equal sizes, and unequal sizes with a shared gcd.
for n1, n2 in [(10000, 10000), (10000, 9999), (10001, 500), (3, 4), (7, 7), (50, 75), (1, 10), (2, 2000)]:
    add(f"ks-switch-{n1}x{n2}", "ks", normal(n1), normal(n2, 0.05))
add("ks-disjoint", "ks", normal(30), normal(40, 100))
add("ks-large-shift-asymptotic", "ks", normal(12000), normal(11000, 0.2))
add("ks-identical", "ks", [1.0, 2.0, 3.0, 4.0, 5.0, 6.0], [1.0, 2.0, 3.0, 4.0, 5.0, 6.0])

# Asymptotic KS across the branches of SciPy's kstwo (Durbin matrix, Pomeranz, Pelz-Good, Smirnov's formula).
for n1, n2, shift in [(12000, 300, 0.0), (12000, 300, 0.3), (20000, 15000, 0.0), (20000, 15000, 0.02),
                      (25000, 4000, 0.005), (10500, 10500, 0.1), (10001, 150, 0.5), (30000, 200, 0.0)]:
    add(f"ks-asymptotic-{n1}x{n2}-shift{shift}", "ks", normal(n1), normal(n2, shift))

# A random sweep: sizes, distributions and rounding (ties) drawn at random for every numerical test.
for test in continuous + ["empirical_mmd"]:
    for k in range(8):
        n1 = int(rng.integers(5, 60 if test == "empirical_mmd" else 2500)); n2 = int(rng.integers(5, 60 if test == "empirical_mmd" else 2500))
        digits = int(rng.integers(0, 4))
        kind = k % 4
        if kind == 0:
            a, b = rng.normal(0, 1, n1), rng.normal(rng.uniform(-0.3, 0.3), rng.uniform(0.8, 1.3), n2)
        elif kind == 1:
            a, b = rng.exponential(2, n1), rng.exponential(rng.uniform(1.5, 2.5), n2)
        elif kind == 2:
            a, b = rng.uniform(-5, 5, n1), rng.uniform(-5, rng.uniform(4, 6), n2)
        else:
            a, b = rng.standard_t(3, n1) * 10, rng.standard_t(3, n2) * 10 + rng.uniform(-1, 1)
        add(f"{test}-sweep-{k}-{n1}x{n2}-r{digits}", test, np.round(a, digits).tolist(), np.round(b, digits).tolist())

# Cramer-von Mises exact region and MWU exact region.
for n1, n2 in [(3, 5), (10, 10), (20, 15), (2, 20), (12, 7)]:
    add(f"cramer_von_mises-exact-{n1}x{n2}", "cramer_von_mises", normal(n1), normal(n2, 0.8))
for n1, n2 in [(3, 5), (8, 8), (5, 40), (8, 200), (2, 9), (6, 3)]:
    add(f"mannw-exact-{n1}x{n2}", "mannw", normal(n1), normal(n2, 0.7))

# Anderson: inside the interpolation range and at both caps.
add("anderson-mid", "anderson", normal(80), normal(90, 0.35))
add("anderson-cap-high", "anderson", normal(200), normal(200, 0.0))
add("anderson-cap-low", "anderson", normal(200), normal(200, 3.0))

# Categorical tests on labels and on small integer codes.
letters = list("abcdefgh")
for test in ["chisquare", "z", "jensenshannon", "psi", "kl_div", "hellinger", "g_test", "TVD"]:
    for k, n1, n2 in [(2, 50, 60), (3, 500, 400), (6, 2000, 1500), (8, 40, 30)]:
        kk = 2 if test == "z" else k
        w1 = rng.dirichlet(np.ones(kk)); w2 = rng.dirichlet(np.ones(kk))
        ref = rng.choice(letters[:kk], n1, p=w1).tolist(); cur = rng.choice(letters[:kk], n2, p=w2).tolist()
        add(f"{test}-labels-{k}-{n1}x{n2}", test, ref, cur, labels=True)
    add(f"{test}-labels-missing", test, ["x", "y", None, "y", "x", "x"] * 20, ["y", None, "y", "x"] * 15, labels=True)
    add(f"{test}-codes", test, ints(300, 0, 2), ints(250, 0, 2), numerical=False)
add("chisquare-unseen-category", "chisquare", ["a"] * 30 + ["b"] * 20, ["a"] * 10 + ["b"] * 10 + ["c"] * 5, labels=True)
add("g_test-unseen-category", "g_test", ["a"] * 30 + ["b"] * 20, ["a"] * 10 + ["b"] * 10 + ["c"] * 5, labels=True)
add("z-same-value", "z", ["a"] * 10, ["a"] * 12, labels=True)
add("z-disjoint", "z", ["a"] * 40, ["b"] * 35, labels=True)

for n, p1, p2 in [(20, 0.3, 0.6), (100, 0.5, 0.5), (500, 0.1, 0.12), (7, 0.5, 0.9), (1000, 0.02, 0.05), (60, 0.0, 0.5)]:
    ref = rng.choice(["yes", "no"], n, p=[p1, 1 - p1]).tolist(); cur = rng.choice(["yes", "no"], n, p=[p2, 1 - p2]).tolist()
    add(f"fisher_exact-{n}-{p1}-{p2}", "fisher_exact", ref, cur, labels=True)

for n1, n2 in [(10, 12), (40, 35), (150, 120), (300, 300)]:
    add(f"empirical_mmd-{n1}x{n2}", "empirical_mmd", normal(n1), normal(n2, 0.4))
add("empirical_mmd-constant-ref", "empirical_mmd", [2.0] * 20, normal(15))

with io.TextIOWrapper(gzip.GzipFile(OUT, "wb", compresslevel=9, mtime=0), encoding="utf-8") as f:
    json.dump({"generator": "eng/drift-fixtures/generate.py", "scipy": __import__("scipy").__version__,
               "numpy": np.__version__, "cases": cases}, f, separators=(",", ":"))
print(f"{len(cases)} cases -> {os.path.normpath(OUT)} ({os.path.getsize(OUT)} bytes)", file=sys.stderr)
