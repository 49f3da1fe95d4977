"""Vectorised NumPy baseline for BenchmarkMonteCarlo1M.

The same model as the Go benchmark: 1,000,000 simulated years, Poisson
frequency 2 per year, lognormal loss magnitude fitted to the 90% interval
[10,000, 1,000,000], then mean, standard deviation, the P10/P50/P90/P95/P99
percentiles, P(any loss) and the default loss exceedance points.
Run: python3 risk/testdata/numpy_baseline.py
"""
import math
import time

import numpy as np

TRIALS, RATE, LOW, HIGH = 1_000_000, 2.0, 10_000.0, 1_000_000.0
Z95 = 1.6448536269514722
MU = (math.log(LOW) + math.log(HIGH)) / 2
SIGMA = (math.log(HIGH) - math.log(LOW)) / (2 * Z95)
EXCEEDANCE = [0.5, 0.25, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001]


def simulate(rng):
    counts = rng.poisson(RATE, TRIALS)
    losses = rng.lognormal(MU, SIGMA, counts.sum())
    year = np.repeat(np.arange(TRIALS), counts)
    annual = np.bincount(year, weights=losses, minlength=TRIALS)
    qs = [0.10, 0.50, 0.90, 0.95, 0.99] + [1 - p for p in EXCEEDANCE]
    return annual.mean(), annual.std(), np.percentile(annual, [100 * q for q in qs]), (annual > 0).mean()


def main():
    rng = np.random.default_rng(42)
    simulate(rng)
    runs = 10
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(runs):
        mean, std, pct, pany = simulate(rng)
    elapsed = (time.perf_counter() - start) / runs
    cpu = (time.process_time() - cpu) / runs
    print(f"numpy {np.__version__}: {elapsed * 1e9:.0f} ns/op, {cpu * 1e9:.0f} CPU ns/op; mean {mean:.0f} std {std:.0f} P(any) {pany:.4f}")
    print("analytic ALE", RATE * math.exp(MU + SIGMA ** 2 / 2), "P(any)", 1 - math.exp(-RATE))


if __name__ == "__main__":
    main()
