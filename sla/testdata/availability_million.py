"""Vectorised NumPy baseline for BenchmarkAvailabilityMillion (sla/bench_test.go).

The same work: 1,000 services x 1,000 outages each over 2024 (start uniform
over the year, duration uniform in [0, 20 min), integer nanoseconds); per
service and calendar month (UTC, 24x7, no maintenance) the downtime is the
union of the outages clipped to the month; availability against the Amazon
Compute Region-Level SLA table (99.99% commitment; 10% below 99.99 and at
least 99.0, 30% below 99.0 and at least 95.0, 100% below 95.0) with a monthly
fee of 10,000.00 USD. The result is every service-month's availability and
credit. Run: python3 availability_million.py (prints seconds per run, best of 5).
Sort, union (running maximum of ends), clip and bincount, as the issue asks.
"""
import time

import numpy as np

SERVICES, OUTAGES = 1000, 1000
NS = 1_000_000_000
YEAR0 = np.datetime64("2024-01-01T00:00:00", "ns").astype(np.int64)
MONTHS = np.array([np.datetime64(f"2024-{m:02d}-01", "ns") for m in range(1, 13)]
                  + [np.datetime64("2025-01-01", "ns")]).astype(np.int64)
YEAR_NS = MONTHS[-1] - MONTHS[0]


def make(rng):
    start = YEAR0 + rng.integers(0, YEAR_NS, size=(SERVICES, OUTAGES), dtype=np.int64)
    end = start + rng.integers(0, 20 * 60 * NS, size=(SERVICES, OUTAGES), dtype=np.int64)
    return start, end


def evaluate(start, end):
    # Sort each service's outages by start; offset services so one flat pass
    # unites them without crossing services.
    order = np.argsort(start, axis=1)
    s = np.take_along_axis(start, order, axis=1)
    e = np.take_along_axis(end, order, axis=1)
    service = np.repeat(np.arange(SERVICES, dtype=np.int64), OUTAGES)
    shift = service * (2 * YEAR_NS)
    s = s.ravel() + shift
    e = e.ravel() + shift
    # Union: an interval starts a new run when it begins after every earlier end.
    run_end = np.maximum.accumulate(e)
    new = np.empty(s.size, dtype=bool)
    new[0] = True
    new[1:] = s[1:] > run_end[:-1]
    idx = np.flatnonzero(new)
    us = s[idx]
    ue = np.maximum.reduceat(e, idx)
    svc = service[idx]
    us -= svc * (2 * YEAR_NS)
    ue -= svc * (2 * YEAR_NS)
    # Clip each united interval to the months it meets (at most two here).
    m0 = np.searchsorted(MONTHS, us, side="right") - 1
    m1 = np.searchsorted(MONTHS, ue - 1, side="right") - 1
    m1 = np.minimum(m1, 11)
    first = np.minimum(ue, MONTHS[m0 + 1]) - us
    down = np.bincount(svc * 12 + m0, weights=first, minlength=SERVICES * 12)
    spill = m1 > m0
    down += np.bincount(svc[spill] * 12 + m1[spill],
                        weights=np.minimum(ue[spill], MONTHS[m1[spill] + 1]) - MONTHS[m1[spill]],
                        minlength=SERVICES * 12)
    length = np.tile(np.diff(MONTHS), SERVICES).astype(np.float64)
    availability = 100.0 * (length - down) / length
    credit = np.select([availability >= 99.99, availability >= 99.0, availability >= 95.0],
                       [0.0, 1000.0, 3000.0], 10000.0)
    return availability, credit


def main():
    start, end = make(np.random.default_rng(42))
    best = float("inf")
    for _ in range(5):
        t = time.perf_counter()
        availability, credit = evaluate(start, end)
        best = min(best, time.perf_counter() - t)
    print(f"{best:.3f} s per run (best of 5); {availability.size} service-months, credits {credit.sum():.2f} USD")


if __name__ == "__main__":
    main()
