# Pade approximants at 1.5 (t = x - 1.5 in [-0.5, 0.5], x in [1, 2]) that
# src/GateDsl.Distributions/Kernels/VectorSpecialFunctions.cs evaluates: psi [7/7], psi' [8/7] and
# ln Gamma [8/8], from their Taylor series at 50 digits, with the largest error of each when
# evaluated in double (Horner, then one division) on 20,001 points against mpmath.
# Printed: psi max abs 3.3e-16; psi' max rel 1.5e-15; ln Gamma max abs 2.4e-16.
from mpmath import mp, mpf, digamma, psi, loggamma, taylor, pade
mp.dps = 50
c = mpf(1.5)
for name, f, L, M in [('psi', digamma, 7, 7), ("psi'", lambda z: psi(1, z), 8, 7), ('ln Gamma', loggamma, 8, 8)]:
    p, q = pade(taylor(lambda t: f(c + t), 0, L + M), L, M)
    pf = [float(x) for x in p]; qf = [float(x) for x in q]
    print(name, 'P (t^0 first):', ', '.join(repr(x) for x in pf))
    print(name, 'Q (t^0 first):', ', '.join(repr(x) for x in qf))
    worst_abs = worst_rel = 0.0
    for i in range(20001):
        t = -0.5 + i / 20000.0
        num = 0.0
        for x in reversed(pf): num = num * t + x
        den = 0.0
        for x in reversed(qf): den = den * t + x
        exact = f(c + mpf(t))
        err = abs(num / den - float(exact))
        worst_abs = max(worst_abs, err)
        if exact != 0: worst_rel = max(worst_rel, err / abs(float(exact)))
    print(name, 'max abs error in double:', worst_abs, ' max rel:', worst_rel)
