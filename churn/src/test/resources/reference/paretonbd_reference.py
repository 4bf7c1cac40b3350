#!/usr/bin/python3
"""Reference values for ParetoNbdTest (run: /usr/bin/python3 paretonbd_reference.py [cdnow_dir]).

Closed forms of the Fader-Hardie notes evaluated with mpmath at 40 digits (mpmath's own hyp2f1,
the untransformed 2F1 on the max(alpha, beta) branch), independent of Niche's Euler-transformed
series and quadrature:
  - likelihood (Fader, Hardie & Lee 2005, "A Note on Implementing the Pareto/NBD Model in MATLAB",
    eq. 2-3), P(alive), E[Y(t)|x,t_x,T] (Schmittlein, Morrison & Colombo 1987; Fader & Hardie 2005 note 009);
  - P(X(t)=n) (Fader & Hardie, "Deriving an Expression for P(X(t)=x) Under the Pareto/NBD Model", note 012).
With a CDNOW folder argument it also sums the log-likelihood of cdnow_customers_summary.csv at the
published estimates and maximises it with scipy (Nelder-Mead on log parameters).
"""
import sys
import mpmath as mp

mp.mp.dps = 40
R, ALPHA, S, BETA = map(mp.mpf, ("0.5533", "10.5776", "0.6061", "11.6650"))


def a0(r, alpha, s, beta, x, tx, T):
    m = r + s + x
    if alpha >= beta:
        f = lambda t: mp.hyp2f1(m, s + 1, m + 1, (alpha - beta) / (alpha + t)) / (alpha + t) ** m
    else:
        f = lambda t: mp.hyp2f1(m, r + x, m + 1, (beta - alpha) / (beta + t)) / (beta + t) ** m
    return f(tx) - f(T)


def loglik(r, alpha, s, beta, x, tx, T):
    x, tx, T = mp.mpf(x), mp.mpf(tx), mp.mpf(T)
    l1 = 1 / ((alpha + T) ** (r + x) * (beta + T) ** s)
    l2 = s / (r + s + x) * a0(r, alpha, s, beta, x, tx, T)
    return mp.log(mp.gamma(r + x) * alpha ** r * beta ** s / mp.gamma(r) * (l1 + l2))


def palive(r, alpha, s, beta, x, tx, T):
    x, tx, T = mp.mpf(x), mp.mpf(tx), mp.mpf(T)
    l1 = 1 / ((alpha + T) ** (r + x) * (beta + T) ** s)
    l2 = s / (r + s + x) * a0(r, alpha, s, beta, x, tx, T)
    return l1 / (l1 + l2)


def expected(r, alpha, s, beta, t, x, tx, T):
    t, x, T = mp.mpf(t), mp.mpf(x), mp.mpf(T)
    return (palive(r, alpha, s, beta, x, tx, T) * (r + x) * (beta + T) / ((alpha + T) * (s - 1))
            * (1 - ((beta + T) / (beta + T + t)) ** (s - 1)))


def pmf(r, alpha, s, beta, t, n):
    """Note 012, eq. (with B1 and B2 on the max(alpha, beta) branch)."""
    t = mp.mpf(t)
    first = (mp.gamma(r + n) / (mp.gamma(r) * mp.factorial(n)) * (alpha / (alpha + t)) ** r
             * (t / (alpha + t)) ** n * (beta / (beta + t)) ** s)
    if alpha >= beta:
        b1 = mp.hyp2f1(r + s, s + 1, r + s + n + 1, (alpha - beta) / alpha) / alpha ** (r + s)
        b2 = lambda i: (mp.hyp2f1(r + s + i, s + 1, r + s + n + 1, (alpha - beta) / (alpha + t))
                        / (alpha + t) ** (r + s + i))
    else:
        b1 = mp.hyp2f1(r + s, r + n, r + s + n + 1, (beta - alpha) / beta) / beta ** (r + s)
        b2 = lambda i: (mp.hyp2f1(r + s + i, r + n, r + s + n + 1, (beta - alpha) / (beta + t))
                        / (beta + t) ** (r + s + i))
    total = mp.fsum(mp.gamma(r + s + i) / mp.gamma(r + s) * t ** i / mp.factorial(i) * b2(i)
                    for i in range(n + 1))
    return first + alpha ** r * beta ** s * mp.beta(r + n, s + 1) / mp.beta(r, s) * (b1 - total)


def show(*v):
    print(", ".join(mp.nstr(mp.mpf(a), 17) if not isinstance(a, int) else str(a) for a in v))


print("# per-customer log-likelihood at the CDNOW estimates: x, tx, T, LL")
for c in [(0, 0, 38.86), (2, 30.43, 38.86), (1, 1.71, 38.86), (5, 10, 30), (10, 35, 36),
          (50, 20, 39), (0, 0, 0.5), (3, 31, 31)]:
    show(*c, loglik(R, ALPHA, S, BETA, *c))
print("# alpha < beta swapped parameters r=0.55 alpha=20 s=0.6 beta=3: x, tx, T, LL")
for c in [(0, 0, 38.86), (2, 30.43, 38.86), (7, 5, 39)]:
    show(*c, loglik(mp.mpf("0.55"), mp.mpf(20), mp.mpf("0.6"), mp.mpf(3), *c))
print("# P(alive) and E[Y(t)] at the CDNOW estimates: x, tx, T, P(alive), E[Y(39)], E[Y(52)]")
for c in [(0, 0, 38.86), (2, 30.43, 38.86), (5, 10, 30), (10, 35, 36)]:
    show(*c, palive(R, ALPHA, S, BETA, *c), expected(R, ALPHA, S, BETA, 39, *c),
         expected(R, ALPHA, S, BETA, 52, *c))
print("# E[X(t)] new customer: t, value")
for t in (1, 39, 78):
    show(t, R * BETA / (ALPHA * (S - 1)) * (1 - (BETA / (BETA + t)) ** (S - 1)))
print("# P(X(t)=n) at the CDNOW estimates: t, n, p")
for t in (1, 39, 78):
    for n in (0, 1, 2, 5, 10):
        show(t, n, pmf(R, ALPHA, S, BETA, t, n))
print("# P(X(t)=n), alpha < beta (r=0.55 alpha=20 s=0.6 beta=3): t, n, p")
for t in (39,):
    for n in (0, 1, 3):
        show(t, n, pmf(mp.mpf("0.55"), mp.mpf(20), mp.mpf("0.6"), mp.mpf(3), t, n))

if len(sys.argv) > 1:
    import csv
    import numpy as np
    from scipy.optimize import minimize
    from scipy.special import gammaln, hyp2f1
    rows = list(csv.reader(open(sys.argv[1] + "/cdnow_customers_summary.csv")))[1:]
    x = np.array([float(r[1]) for r in rows]); tx = np.array([float(r[2]) for r in rows])
    T = np.array([float(r[3]) for r in rows])

    def ll(p):
        r, alpha, s, beta = np.exp(p)
        m = r + s + x
        if alpha >= beta:
            f = lambda t: hyp2f1(m, s + 1, m + 1, (alpha - beta) / (alpha + t)) / (alpha + t) ** m
        else:
            f = lambda t: hyp2f1(m, r + x, m + 1, (beta - alpha) / (beta + t)) / (beta + t) ** m
        l1 = 1 / ((alpha + T) ** (r + x) * (beta + T) ** s)
        l2 = s / m * (f(tx) - f(T))
        return np.sum(gammaln(r + x) - gammaln(r) + r * np.log(alpha) + s * np.log(beta)
                      + np.log(l1 + l2))
    p0 = np.log([0.5533, 10.5776, 0.6061, 11.6650])
    print("# CDNOW rounded summaries: LL at published estimates", repr(ll(p0)))
    res = minimize(lambda p: -ll(p), p0, method="Nelder-Mead",
                   options={"xatol": 1e-10, "fatol": 1e-10, "maxiter": 20000, "maxfev": 40000})
    print("# CDNOW rounded summaries: MLE", np.exp(res.x), "LL", -res.fun)
