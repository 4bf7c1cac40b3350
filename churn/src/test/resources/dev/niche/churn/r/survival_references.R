# References for KaplanMeierReferenceTest, NelsonAalenTest and LogRankIndividualTest, computed
# with R survival 3.5.3 (Debian r-cran-survival). Prints Java literals that are typed into the
# tests; the tests never need R. Run: Rscript survival_references.R
library(survival)
stopifnot(packageVersion("survival") == "3.5.3")
num <- function(x) ifelse(is.infinite(x), ifelse(x > 0, "Double.POSITIVE_INFINITY",
    "Double.NEGATIVE_INFINITY"), trimws(formatC(x, digits = 17, format = "g")))
jv <- function(name, x) {
  s <- trimws(num(x))
  lines <- split(s, ceiling(seq_along(s) / 4))
  cat(sprintf("    double[] %s = {\n        %s};\n", name,
      paste(sapply(lines, paste, collapse = ", "), collapse = ",\n        ")))
}
jm <- function(name, m) {
  cat(sprintf("    double[][] %s = {\n", name))
  for (i in seq_len(nrow(m))) cat(sprintf("        {%s},\n", paste(trimws(num(m[i, ])),
      collapse = ", ")))
  cat("    };\n")
}
section <- function(text) cat(sprintf("\n    // ---- %s\n", text))

# Late entry on lung, as RDataSets.lungEntries(): floor(time * ((i %% 4) / 5)), i = 1..n;
# integer case weights as RDataSets.lungWeights(): (i %% 3) + 1.
i <- seq_len(nrow(lung))
lung$entry <- floor(lung$time * ((i %% 4) / 5))
lung$w <- (i %% 3) + 1

km <- function(label, fit, times) {
  section(label)
  s <- summary(fit, times = times)
  ll <- summary(update(fit, conf.type = "log-log"), times = times)
  jv("times", s$time); jv("survival", s$surv); jv("standardError", s$std.err)
  jv("logLower", s$lower); jv("logUpper", s$upper)
  jv("logLogLower", ll$lower); jv("logLogUpper", ll$upper)
  jv("cumulativeHazard", s$cumhaz); jv("hazardStandardError", s$std.chaz)
  cat(sprintf("    double median = %s;\n", num(summary(fit)$table[["median"]])))
}
lungTimes <- c(5, 11, 12, 60, 100, 180, 250, 310, 400, 500, 600, 700, 800, 900, 1000)
km("lung, survfit(Surv(time, status) ~ 1)", survfit(Surv(time, status) ~ 1, data = lung),
   lungTimes)
km("aml Maintained (ties)", survfit(Surv(time, status) ~ 1, data = aml,
   subset = x == "Maintained"), c(9, 13, 18, 23, 28, 31, 34, 45, 48, 161))
km("lung late entry, survfit(Surv(entry, time, status) ~ 1)",
   survfit(Surv(entry, time, status) ~ 1, data = lung), lungTimes)
km("lung late entry, integer weights", survfit(Surv(entry, time, status) ~ 1, data = lung,
   weights = w), lungTimes)

section("Nelson-Aalen survival exp(-H), survfit(..., stype = 2), late entry, log band")
s2 <- summary(survfit(Surv(entry, time, status) ~ 1, data = lung, stype = 2), times = lungTimes)
jv("naSurvival", s2$surv); jv("naLower", s2$lower); jv("naUpper", s2$upper)
jv("naStdChaz", s2$std.chaz)

lr <- function(label, fit) {
  section(label)
  o <- if (is.matrix(fit$obs)) rowSums(fit$obs) else fit$obs
  ex <- if (is.matrix(fit$exp)) rowSums(fit$exp) else fit$exp
  jv("observed", o); jv("expected", ex); jm("variance", fit$var)
  cat(sprintf("    double chiSquare = %s;\n    double pValue = %s;\n", num(fit$chisq),
      num(fit$pvalue)))
}
lr("lung ~ sex", survdiff(Surv(time, status) ~ sex, data = lung))
lr("lung ~ sex, rho = 1", survdiff(Surv(time, status) ~ sex, data = lung, rho = 1))
lr("lung ~ ph.ecog (NA dropped)", survdiff(Surv(time, status) ~ ph.ecog, data = lung))
lr("veteran ~ celltype", survdiff(Surv(time, status) ~ celltype, data = veteran))
lr("veteran ~ celltype, rho = 1", survdiff(Surv(time, status) ~ celltype, data = veteran, rho = 1))
lr("veteran ~ trt + strata(celltype)",
   survdiff(Surv(time, status) ~ trt + strata(celltype), data = veteran))
lr("veteran ~ celltype + strata(prior), rho = 0.5",
   survdiff(Surv(time, status) ~ celltype + strata(prior), data = veteran, rho = 0.5))
lr("aml ~ x (ties)", survdiff(Surv(time, status) ~ x, data = aml))

# Pairwise survdiff p-values with Holm's adjustment in base R (the logic of
# survminer::pairwise_survdiff: survdiff on each pair's rows, then p.adjust(method = "holm")).
pairwise <- function(label, data, rho = 0) {
  section(label)
  lev <- levels(factor(data$g)); p <- c(); chi <- c()
  for (a in 1:(length(lev) - 1)) for (b in (a + 1):length(lev)) {
    d <- data[data$g %in% lev[c(a, b)], ]
    s <- survdiff(Surv(time, status) ~ g, data = d, rho = rho)
    p <- c(p, s$pvalue); chi <- c(chi, s$chisq)
  }
  jv("pairChiSquare", chi); jv("pairP", p); jv("pairHolm", p.adjust(p, method = "holm"))
}
vet <- data.frame(time = veteran$time, status = veteran$status, g = as.integer(veteran$celltype))
pairwise("veteran celltype pairwise, Holm", vet)
pairwise("veteran celltype pairwise rho = 1, Holm", vet, rho = 1)

# Fleming-Harrington G(rho, gamma): survdiff has rho only, so the weights
# S(t-)^rho (1 - S(t-))^gamma are applied here by the textbook formulas (Klein & Moeschberger
# 2003, eq. 7.3.3-7.3.5), pooled Kaplan-Meier S(t-) from survfit; checked against survdiff at
# gamma = 0.
fh <- function(time, status, g, rho, gamma) {
  lev <- sort(unique(g)); k <- length(lev)
  pooled <- survfit(Surv(time, status) ~ 1)
  tt <- sort(unique(time[status == 1]))
  sminus <- c(1, pooled$surv)[findInterval(tt, pooled$time, left.open = TRUE) + 1]
  w <- sminus^rho * (1 - sminus)^gamma
  O <- E <- rep(0, k); V <- matrix(0, k, k)
  for (m in seq_along(tt)) {
    n <- sapply(lev, function(l) sum(time >= tt[m] & g == l))
    d <- sapply(lev, function(l) sum(time == tt[m] & status == 1 & g == l))
    N <- sum(n); D <- sum(d)
    O <- O + w[m] * d; E <- E + w[m] * D * n / N
    if (N > 1) V <- V + w[m]^2 * D * (N - D) / (N - 1) * (diag(n / N) - outer(n / N, n / N))
  }
  chi <- sum(solve(V[-1, -1, drop = FALSE], (O - E)[-1]) * (O - E)[-1])
  list(obs = O, exp = E, var = V, chisq = chi, pvalue = pchisq(chi, k - 1, lower.tail = FALSE))
}
lst <- lung$status == 2
check <- fh(lung$time, lst, lung$sex, 1, 0)
stopifnot(abs(check$chisq - survdiff(Surv(time, status) ~ sex, data = lung, rho = 1)$chisq) < 1e-10)
lr("lung ~ sex, G(1, 1)", fh(lung$time, lst, lung$sex, 1, 1))
lr("lung ~ sex, G(0, 1)", fh(lung$time, lst, lung$sex, 0, 1))
lr("veteran ~ celltype, G(0.5, 2)", fh(veteran$time, veteran$status == 1,
   as.integer(veteran$celltype), 0.5, 2))
