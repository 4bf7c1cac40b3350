#!/usr/bin/python3
"""Reference values for ParetoNbdOverflowTest (run: /usr/bin/python3 paretonbd_overflow.py).

Pareto/NBD (Schmittlein, Morrison & Colombo 1987; Fader & Hardie 2005, "A note on deriving the
Pareto/NBD model and related expressions") where alpha + T or beta + T exceeds the double range
(Double.MAX_VALUE = 1.7976931348623157e308), with mpmath at 50 digits from the integral forms,
as in repeat_purchase_limits.py:

  ln L = ln Gamma(r+x)/Gamma(r) + ln(A1 + A2),
  A1 = alpha^r beta^s (alpha+T)^-(r+x) (beta+T)^-s,
  A2 = s alpha^r beta^s int_{t_x}^{T} (alpha+tau)^-(r+x) (beta+tau)^-(s+1) dtau,
  P(alive) = A1 / (A1 + A2),
  E[Y(t) | x, t_x, T] = P(alive) (r+x)/(alpha+T) int_0^t ((beta+T)/(beta+T+u))^s du.

Everything in logs (A1 and A2 are far below the double range here); the integral of A2 in
w = ln(tau - t_x), split at log-spaced cuts.
"""
import mpmath as mp

mp.mp.dps = 50
MAX = mp.mpf(2) ** 1024 - mp.mpf(2) ** 971


def logspace_cuts(lo, hi, n=120):
    lo, hi = mp.log(lo), mp.log(hi)
    return [lo + (hi - lo) * i / n for i in range(n + 1)]


def log_terms(r, alpha, s, beta, x, tx, T):
    r, alpha, s, beta, tx, T = map(mp.mpf, (r, alpha, s, beta, tx, T))
    k = r + x
    la = r * mp.log(alpha) + s * mp.log(beta)
    logA1 = la - k * mp.log(alpha + T) - s * mp.log(beta + T)
    if T > tx:
        # scaled by e^-top so that mp.quad's absolute error control sees numbers near 1
        top = -k * mp.log(alpha + tx) - (s + 1) * mp.log(beta + tx)
        h = lambda w: mp.exp(w - k * mp.log(alpha + tx + mp.exp(w))
                             - (s + 1) * mp.log(beta + tx + mp.exp(w)) - top)
        lo = min(alpha, beta, T - tx) * mp.mpf(10) ** -40
        logA2 = mp.log(s) + la + top + mp.log(mp.quad(h, logspace_cuts(lo, T - tx)))
    else:
        logA2 = mp.ninf
    return logA1, logA2


def log_sum_exp(u, v):
    if v == mp.ninf:
        return u
    m = max(u, v)
    return m + mp.log(mp.exp(u - m) + mp.exp(v - m))


def pareto(r, alpha, s, beta, x, tx, T, t=39):
    u, v = log_terms(r, alpha, s, beta, x, tx, T)
    ll = mp.loggamma(mp.mpf(r) + x) - mp.loggamma(mp.mpf(r)) + log_sum_exp(u, v)
    palive = 1 / (1 + mp.exp(v - u)) if v != mp.ninf else mp.mpf(1)
    b = mp.mpf(beta) + mp.mpf(T)
    alive_time = mp.quad(lambda q: (b / (b + q)) ** mp.mpf(s), [0, t])
    expected = palive * (mp.mpf(r) + x) / (mp.mpf(alpha) + mp.mpf(T)) * alive_time
    return ll, palive, expected


print("// r, alpha, s, beta, x, t_x, T, ln L, P(alive), E[Y(39) | x, t_x, T]")
for c in [
    ("0.5", "1e300", "0.6", 1, 2, 1, MAX),
    ("0.5", "1e300", "0.6", 1, 2, MAX, MAX),
    ("0.5", "1e300", "0.6", 1, 0, 0, MAX),
    ("0.5", MAX, "0.6", MAX, 2, 1, MAX),
    ("0.5", MAX, "0.6", MAX, 2, "1e308", MAX),
    ("0.5", 1, "0.6", "1e300", 3, "1e308", MAX),
    ("0.5", "1e300", "0.6", "0.5", 1, "1e308", MAX),
    ("0.5", "1e300", "0.6", "2e300", 4, "1.5e308", MAX),
]:
    ll, p, e = pareto(*c)
    print("{%s, %s, %s, %s}," % (", ".join(mp.nstr(mp.mpf(v), 17) for v in c),
          mp.nstr(ll, 17), mp.nstr(p, 17), mp.nstr(e, 17)))
