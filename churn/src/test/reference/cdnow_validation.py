#!/usr/bin/python3
"""Independent reference for HoldoutValidationCdnowTest (scipy only; run with /usr/bin/python3).

BG/NBD at the published CDNOW estimates (Fader, Hardie & Lee 2005, Marketing Science 24(2)):
r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, on the 2,357-customer CDNOW sample, calibration
1997-01-01 .. 1997-09-30, holdout 1997-10-01 .. 1998-06-30 (39 weeks), same-day purchases merged.
Formulas straight from the paper: eq. 8 (P(X(t) = x)), eq. 9 (E[X(t)]), eq. 10 (E[Y(t) | x, t_x, T]),
with scipy's hyp2f1 -- not the Java code's Euler-transformed series.

usage: cdnow_validation.py ../shared/data/cdnow/CDNOW_sample.txt
"""
import collections
import datetime
import math
import sys

from scipy.special import betaln, gammaln, hyp2f1

R, ALPHA, A, B = 0.243, 4.414, 0.793, 2.426
CAL = datetime.date(1997, 9, 30)
HOLD = datetime.date(1998, 6, 30)
START = datetime.date(1997, 1, 1)


def p_alive(x, tx, T):
    if x == 0:
        return 1.0
    return 1.0 / (1.0 + A / (B + x - 1) * ((ALPHA + T) / (ALPHA + tx)) ** (R + x))


def conditional(t, x, tx, T):
    z = t / (ALPHA + T + t)
    head = (A + B + x - 1) / (A - 1)
    return head * (1 - ((ALPHA + T) / (ALPHA + T + t)) ** (R + x)
                   * hyp2f1(R + x, B + x, A + B + x - 1, z)) * p_alive(x, tx, T)


def new_customer(t):
    if t <= 0:
        return 0.0
    return (A + B - 1) / (A - 1) * (1 - (ALPHA / (ALPHA + t)) ** R
                                    * hyp2f1(R, B, A + B - 1, t / (ALPHA + t)))


def pmf(t, x):
    lb = betaln(A, B)
    first = math.exp(betaln(A, B + x) - lb + gammaln(R + x) - gammaln(R) - gammaln(x + 1)
                     + R * math.log(ALPHA / (ALPHA + t)) + x * math.log(t / (ALPHA + t)))
    if x == 0:
        return first
    s = sum(math.exp(gammaln(R + j) - gammaln(R) - gammaln(j + 1)
                     + j * math.log(t / (ALPHA + t))) for j in range(x))
    return first + math.exp(betaln(A + 1, B + x - 1) - lb) * (1 - (ALPHA / (ALPHA + t)) ** R * s)


def main(path):
    days = collections.defaultdict(set)
    for line in open(path):
        f = line.split()
        days[f[1]].add(datetime.date(int(f[2][:4]), int(f[2][4:6]), int(f[2][6:])))
    rows = []
    for cid, ds in days.items():
        ds = sorted(ds)
        first = ds[0]
        cal = [d for d in ds if d <= CAL]
        hold = [d for d in ds if CAL < d <= HOLD]
        rows.append((len(cal) - 1, (cal[-1] - first).days / 7, (CAL - first).days / 7,
                     len(hold), (first - START).days / 7))
    t_star = (HOLD - CAL).days / 7
    print("customers", len(rows), "holdout weeks", t_star)
    expected = [conditional(t_star, x, tx, T) for x, tx, T, _, _ in rows]
    actual = [h for _, _, _, h, _ in rows]
    print("total expected %.4f actual %d" % (sum(expected), sum(actual)))
    print("MAE %.6f RMSE %.6f" % (
        sum(abs(e - a) for e, a in zip(expected, actual)) / len(rows),
        math.sqrt(sum((e - a) ** 2 for e, a in zip(expected, actual)) / len(rows))))
    for k in range(8):
        members = [i for i, r in enumerate(rows) if (r[0] == k if k < 7 else r[0] >= 7)]
        print("bin %d%s n=%d actual %.6f expected %.6f" % (
            k, "+" if k == 7 else "", len(members),
            sum(actual[i] for i in members) / len(members),
            sum(expected[i] for i in members) / len(members)))
    hist = [sum(pmf(T, n) for _, _, T, _, _ in rows) for n in range(7)]
    counts = collections.Counter(min(r[0], 7) for r in rows)
    for n in range(7):
        print("histogram %d actual %d expected %.6f" % (n, counts[n], hist[n]))
    print("histogram 7+ actual %d expected %.6f" % (counts[7], len(rows) - sum(hist)))
    for week in (39, 78):
        cum = sum(new_customer(week - s) for _, _, _, _, s in rows)
        print("cumulative expected repeat purchases by end of week %d: %.6f" % (week, cum))


if __name__ == "__main__":
    main(sys.argv[1])
