#!/usr/bin/python3
"""Reference values for BgNbdExtremesTest (run: /usr/bin/python3 bgnbd_expectation_extremes.py).

E[Y(t) | x, t_x, T] of the BG/NBD (Fader, Hardie & Lee 2005, eq. 10, with P(alive) of their 2008
note) and E[X(t)] (eq. 9) evaluated with mpmath at 60 digits straight from the paper's forms
(mpmath's hyp2f1), for parameter values where double-precision series fail: large a and b (a
boundary fit without dropout), b >> a, a = 1, tiny alpha (t/alpha ~ 1e9), large x.
"""
import mpmath as mp

mp.mp.dps = 60


def palive(r, alpha, a, b, x, tx, T):
    if x == 0:
        return mp.mpf(1)
    return 1 / (1 + a / (b + x - 1) * ((alpha + T) / (alpha + tx)) ** (r + x))


def expected(r, alpha, a, b, t, x, tx, T):
    r, alpha, a, b, t, tx, T = map(mp.mpf, (r, alpha, a, b, t, tx, T))
    z = t / (alpha + T + t)
    c = a + b + x - 1
    if a == 1 or z > mp.mpf("0.999"):
        # E[Y | alive] = integral of (1 - ((alpha+T)/(alpha+T+p t))^(r+x))/p over Beta(a, b+x)
        # (a = 1 is eq. 10's removable 0/0; z near 1 makes the series too long)
        g = lambda p: (1 - ((alpha + T) / (alpha + T + p * t)) ** (r + x)) / p
        cuts = [0] + [mp.mpf(10) ** -e for e in range(14, 0, -1)] + [mp.mpf("0.5"), 1]
        val = mp.quad(lambda p: g(p) * p ** (a - 1) * (1 - p) ** (b + x - 1) / mp.beta(a, b + x),
                      cuts)
    else:
        # the 2F1 power series summed directly at 60 digits (cancellation is harmless there)
        term, f, n = mp.mpf(1), mp.mpf(1), 0
        while abs(term) > mp.mpf(10) ** -45 * f or n < 10:
            term *= (r + x + n) * (b + x + n) / ((c + n) * (n + 1)) * z
            f += term
            n += 1
        val = c / (a - 1) * (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * f)
    return palive(r, alpha, a, b, x, tx, T) * val


cases = [
    ("0.243", "4.414", "1000", "3000", 39, 0, 0, 0),
    ("0.243", "4.414", "40000000", "490000000", 39, 2, "30.43", "38.86"),
    ("0.243", "4.414", "40000000", "490000000", 39, 0, 0, 0),
    ("0.5", "1e-8", "0.5", "3", 39, 0, 0, 0),
    ("0.243", "4.414", "0.5", "100000000", 52, 5, 20, 38),
    ("2", "3", "1", "2", 39, 3, 10, 20),
    ("0.243", "4.414", "1.9", "100000", 39, 1, 5, 30),
    ("0.243", "4.414", "0.793", "2.426", 39, 500, 30, "38.86"),
    ("0.243", "4.414", "1e-6", "1", 39, 0, 0, 0),
    ("0.243", "4.414", "2", "500000000", 39, 4, 30, 38),
    ("0.243", "4.414", "0.793", "2.426", "1e-9", 2, "30.43", "38.86"),
    ("400000000", "5000000000", "0.793", "2.426", 39, 1, 3, 30),
    ("0.243", "4.414", "0.793", "2.426", "1e9", 0, 0, 0),
]
for c in cases:
    r, alpha, a, b, t, x, tx, T = c
    print("{%s, %s, %s, %s, %s, %s, %s, %s, %s}," % (r, alpha, a, b, t, x, tx, T,
          mp.nstr(expected(*c), 17)))
