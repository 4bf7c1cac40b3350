#!/usr/bin/python3
"""Reference values of the BG/NBD P(X(t) = n) for BgNbdCountsTest (run: /usr/bin/python3 bgnbd_counts.py).

Independent of eq. 8's closed form: integrates the conditional probability over the beta density
of the dropout probability p with mpmath (50 digits), using the NBD tail 1 - sum of NBD terms in
high precision. Parameters: the published CDNOW estimates (Fader, Hardie & Lee 2005).
"""
import mpmath as mp

mp.mp.dps = 50
r, alpha, a, b = map(mp.mpf, ("0.243", "4.414", "0.793", "2.426"))


def nbd(n, t):
    p = alpha / (alpha + t)
    return mp.gamma(r + n) / (mp.gamma(r) * mp.factorial(n)) * p**r * (1 - p)**n


def prob(t, n):
    t = mp.mpf(t)
    tail = 1 - mp.fsum(nbd(j, t) for j in range(n))
    def integrand(p):
        dens = p**(a - 1) * (1 - p)**(b - 1) / mp.beta(a, b)
        v = (1 - p)**n * nbd(n, t)
        if n > 0:
            v += p * (1 - p)**(n - 1) * tail
        return dens * v
    return mp.quad(integrand, [0, mp.mpf("1e-6"), mp.mpf("0.01"), 0.5, 1])


for t in ("1", "39", "78"):
    for n in (0, 1, 2, 5, 10):
        print(t, n, mp.nstr(prob(t, n), 17))
