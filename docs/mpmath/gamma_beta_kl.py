# KL(Gamma || Gamma) and KL(Beta || Beta) at the inputs of issue 9 open item 2, textbook formulas at 60 digits.
from mpmath import mp, mpf, loggamma, digamma, log, beta as mbeta
mp.dps = 60
def kl_gamma(a1,r1,a2,r2):
    a1,r1,a2,r2=map(mpf,(a1,r1,a2,r2))
    return (a1-a2)*digamma(a1) - loggamma(a1) + loggamma(a2) + a2*(log(r1)-log(r2)) + a1*(r2-r1)/r1
def kl_beta(a1,b1,a2,b2):
    a1,b1,a2,b2=map(mpf,(a1,b1,a2,b2))
    lb=lambda a,b: loggamma(a)+loggamma(b)-loggamma(a+b)
    return lb(a2,b2)-lb(a1,b1)+(a1-a2)*digamma(a1)+(b1-b2)*digamma(b1)+(a2-a1+b2-b1)*digamma(a1+b1)
print('gamma', mp.nstr(kl_gamma(2.62316e7, 9.10714e-33, 2.12307e-269, 7.53603e-309), 20))
print('beta', mp.nstr(kl_beta(9.5e6, 9.8e-78, 5.6e-256, 4.6e-104), 20))
