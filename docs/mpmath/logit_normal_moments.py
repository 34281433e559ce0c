# Mean and variance of LogitNormal(mu, sigma) at 60 digits: E[sigmoid(X)^j], X ~ N(mu, sigma^2), by piecewise
# quadrature around the mode of the log-concave integrand (steps of at most 1/2 and sigma/4 near it).
# Input lines "mu sigma"; output adds mean and variance. Used for docs/validation.md (issue 9 open item 3).
import sys
from mpmath import mp, mpf, quad, exp, log, npdf, findroot, inf, sqrt, erfc
mp.dps = 60
def expect(k, s, j):
    # E[sigmoid(X)^j], X ~ N(-k, s^2), by robust piecewise quadrature around the mode of the log-concave integrand
    ls = lambda x: -log(1+exp(-x)) if x > 0 else x - log(1+exp(x))
    f = lambda x: exp(j*ls(x) - (x+k)**2/(2*s*s)) / (s*sqrt(2*mp.pi))
    dl = lambda x: j/(1+exp(x)) - (x+k)/(s*s)
    # mode: dl decreasing; bracket
    lo, hi = mpf(-k) - 10*s*s - 10, mpf(j*s*s) + 10
    for _ in range(400):
        mid = (lo+hi)/2
        if dl(mid) > 0: lo = mid
        else: hi = mid
    xm = (lo+hi)/2
    pts = {xm}
    step = min(mpf(1)/2, s/4)
    for sign in (-1, 1):
        x = xm; d = step
        total = mpf(0)
        while total < 60*s + 200:
            x = x + sign*d; total += d
            pts.add(x)
            if total > 40: d = min(d*mpf(1.3), s/2 if s > 2 else d*mpf(1.3))
            if total > 40 and (abs(x) > 80 or s < 1): d = d*mpf(1.3)
    pts = sorted(pts)
    return quad(f, pts)
for line in sys.stdin:
    p = line.split()
    if not p: continue
    mu, s = mpf(p[0]), mpf(p[1])
    k = abs(mu)
    m1 = expect(k, s, 1); m2 = expect(k, s, 2)
    m = 1 - m1 if mu > 0 else m1
    print(p[0], p[1], mp.nstr(m, 17), mp.nstr(m2 - m1*m1, 17)); sys.stdout.flush()
