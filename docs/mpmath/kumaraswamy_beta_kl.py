# KL(Kumaraswamy(a, b) || Beta(alpha, beta)) at 90 digits by the textbook formula (Nalisnick and Smyth 2017), E[log(1 - X)]
# by mpmath quadrature over W = -log(1 - X^a) ~ Exp(b) with breakpoints at the scales of b and around W* = -log a.
# Input lines "a b alpha beta"; output adds the KL. Used for docs/validation.md (issue 9 open item 1).
import sys
from mpmath import mp, mpf, log, exp, expm1, log1p, digamma, loggamma, euler, quad, inf
mp.dps = 90
def E_log1mX(a, b):
    a=mpf(a); b=mpf(b)
    ws = -log(a)
    f = lambda w: b*exp(-b*w)*log(-expm1(log1p(-exp(-w))/a))
    T0 = max(ws, mpf(0)) + 60
    pts = {mpf(0), T0}
    for k in (1e-6, 1e-3, 0.01, 0.1, 1, 3, 10, 30):
        v = mpf(k)/b
        if v < T0: pts.add(v)
    for d in (-30, -10, -4, -2, -1, 0, 1, 2, 4, 10, 30):
        v = ws + d
        if 0 < v < T0: pts.add(v)
    for v in (1e-30, 1e-12, 1e-4, 0.1, 1, 5, 20):
        if v < T0: pts.add(mpf(v))
    pts = sorted(pts)
    body = quad(f, pts, maxdegree=10)
    tail = exp(-b*T0)*(-(T0 + 1/b) - log(a))
    return body + tail
def kl(a, b, al, be):
    a,b,al,be = map(mpf,(a,b,al,be))
    H = digamma(b+1) + euler
    lB = loggamma(al)+loggamma(be)-loggamma(al+be)
    return (al-a)/a*H + log(a*b) + lB - (b-1)/b - (be-1)*E_log1mX(a,b)
for line in sys.stdin:
    p = line.split()
    if not p: continue
    print(' '.join(p), mp.nstr(kl(*p), 17))
    sys.stdout.flush()
