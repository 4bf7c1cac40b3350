#!/usr/bin/python3
"""Reference values for RepeatPurchaseLimitsTest (run: /usr/bin/python3 repeat_purchase_limits.py).

BG/NBD (Fader, Hardie & Lee 2005, eqs. 6, 9, 10) and Pareto/NBD (Schmittlein, Morrison & Colombo
1987; Fader & Hardie 2005 note) quantities at parameters on the edge of the double range, with
mpmath at 50 digits from the integral forms:

  BG/NBD E[Y(t) | x, t_x, T] = P(alive) * int_0^1 (1 - (1 + p v)^-(r+x)) / p Beta(p; a, b+x) dp,
      v = t / (alpha + T)
  Pareto/NBD ln L = ln Gamma(r+x)/Gamma(r) + ln(A1 + A2),
      A1 = alpha^r beta^s (alpha+T)^-(r+x) (beta+T)^-s,
      A2 = s alpha^r beta^s int_{t_x}^{T} (alpha+tau)^-(r+x) (beta+tau)^-(s+1) dtau,
  P(alive) = A1 / (A1 + A2),
  E[Y(t) | x, t_x, T] = P(alive) (r+x)/(alpha+T) int_0^t ((beta+T)/(beta+T+u))^s du.

The integrals are split at the scales of their integrands (1/(k v), the beta's mean, alpha, beta),
each piece integrated in log variables (mpmath's tanh-sinh quadrature).
"""
import mpmath as mp

mp.mp.dps = 50


def logspace_cuts(lo, hi, n=60):
    lo, hi = mp.log(lo), mp.log(hi)
    return [mp.exp(lo + (hi - lo) * i / n) for i in range(n + 1)]


def bgnbd_expected(r, alpha, a, b, t, x, tx, T):
    r, alpha, a, b, t, tx, T = map(mp.mpf, (r, alpha, a, b, t, tx, T))
    k, bx, v = r + x, b + x, t / (alpha + T)
    palive = mp.mpf(1) if x == 0 else 1 / (1 + a / (b + x - 1) * ((alpha + T) / (alpha + tx)) ** k)
    logB = mp.log(mp.beta(a, bx))
    # integrate in s = ln p: (1 - (1+pv)^-k) p^(a-1) (1-p)^(bx-1) / B dp = ... p ds
    f = lambda s: (-mp.expm1(-k * mp.log1p(mp.exp(s) * v))) * mp.exp(
        (a - 1) * s + (bx - 1) * mp.log1p(-mp.exp(s)) - logB)
    mean = a / (a + bx)
    lo = min(mp.mpf(10) ** -40 / (k * v + 1), mean * mp.mpf(10) ** -30)
    pts = sorted(set([mp.log(c) for c in logspace_cuts(lo, mp.mpf("0.5"))]
                     + [mp.log(mean)] if mean < mp.mpf("0.5") else
                     [mp.log(c) for c in logspace_cuts(lo, mp.mpf("0.5"))]))
    val = mp.quad(f, pts)
    # p in (1/2, 1): in q = 1 - p, q = e^s
    g = lambda s: (-mp.expm1(-k * mp.log1p((1 - mp.exp(s)) * v))) / (1 - mp.exp(s)) * mp.exp(
        (a - 1) * mp.log1p(-mp.exp(s)) + bx * s - logB)
    qlo = mp.mpf(10) ** -60
    val += mp.quad(g, [mp.log(c) for c in logspace_cuts(qlo, mp.mpf("0.5"))])
    return palive * val


def pareto_terms(r, alpha, s, beta, x, tx, T):
    r, alpha, s, beta, tx, T = map(mp.mpf, (r, alpha, s, beta, tx, T))
    k = r + x
    la = r * mp.log(alpha) + s * mp.log(beta)
    A1 = mp.exp(la - k * mp.log(alpha + T) - s * mp.log(beta + T))
    if T > tx:
        # e^la is kept out of the integrand: mp.quad's error control is absolute
        h = lambda w: mp.exp(w - k * mp.log(alpha + tx + mp.exp(w))
                             - (s + 1) * mp.log(beta + tx + mp.exp(w)))
        lo = min(alpha, beta, T - tx) * mp.mpf(10) ** -40
        A2 = s * mp.exp(la) * mp.quad(h, [mp.log(c) for c in logspace_cuts(lo, T - tx)])
    else:
        A2 = mp.mpf(0)
    return A1, A2


def pareto_ll(r, alpha, s, beta, x, tx, T):
    A1, A2 = pareto_terms(r, alpha, s, beta, x, tx, T)
    r = mp.mpf(r)
    return mp.loggamma(r + x) - mp.loggamma(r) + mp.log(A1 + A2)


def pareto_palive(r, alpha, s, beta, x, tx, T):
    A1, A2 = pareto_terms(r, alpha, s, beta, x, tx, T)
    return A1 / (A1 + A2)


def pareto_expected(r, alpha, s, beta, t, x, tx, T):
    p = pareto_palive(r, alpha, s, beta, x, tx, T)
    r, alpha, s, beta, t, T = map(mp.mpf, (r, alpha, s, beta, t, T))
    b = beta + T
    alive_time = mp.quad(lambda u: (b / (b + u)) ** s, [0, t])
    return p * (r + x) / (alpha + T) * alive_time


print("// BG/NBD: r, alpha, a, b, t, x, t_x, T, E[Y(t) | x, t_x, T] (E[X(t)] when x = T = 0)")
for c in [
    ("1e308", 1, 1, 1, 1, 0, 0, 0),
    ("1e308", 1, 1, 1, 1, 1, 1, 1),
    ("1e200", "1e-100", "0.5", 2, 39, 0, 0, 0),
    ("0.1229867197055571", "0.15073605396674533", "1.302846631430164e13", "1.2830693169963209e19",
     39, 0, 0, 0),
    ("0.243", "4.414", "1e9", "1e16", 520, 2, "30.43", "38.86"),
]:
    print("{%s}," % ", ".join(str(e) for e in c) + " // " + mp.nstr(bgnbd_expected(*c), 17))

print("// BG/NBD NBD limit a -> 0 (p = 0 almost surely): E[X(t)] = r t / alpha")
print(mp.nstr(mp.mpf("0.243") * 39 / mp.mpf("4.414"), 17))

print("// Pareto/NBD: r, alpha, s, beta, x, t_x, T, ln L, P(alive), E[Y(39) | x, t_x, T]")
for c in [
    (1, "4.9406564584124654e-324", 1, 1, 1, "0.5", 2),
    (1, 1, 1, "4.9406564584124654e-324", 1, "0.5", 2),
    ("0.55", "1e-300", "0.61", "11.67", 2, "30.43", "38.86"),
    ("0.55", "10.58", "0.61", "1e-300", 2, "30.43", "38.86"),
]:
    r, alpha, s, beta, x, tx, T = c
    print("{%s, %s, %s, %s}," % (", ".join(str(e) for e in c),
          mp.nstr(pareto_ll(*c), 17), mp.nstr(pareto_palive(*c), 17),
          mp.nstr(pareto_expected(r, alpha, s, beta, 39, x, tx, T), 17)))
