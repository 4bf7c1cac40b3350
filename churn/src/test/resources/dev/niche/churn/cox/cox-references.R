# Reference values for dev.niche.churn.CoxProportionalHazardsTest, computed with R survival 3.5.3.
# Run from this directory:  /usr/bin/Rscript cox-references.R
# Writes one CSV per data set (the columns the tests read) and references.txt (key value...).
# lung, veteran and ovarian are the public data sets shipped with R's survival package;
# the "gen-" sets are generated here with fixed seeds.
suppressMessages(library(survival))
out <- file("references.txt", "w")
put <- function(key, x) writeLines(paste(key, paste(format(x, digits = 15), collapse = " ")), out)

writeData <- function(name, d) write.csv(d, paste0(name, ".csv"), row.names = FALSE, quote = FALSE)

# fit: the coxph fit; key: prefix; cov: covariate names in order; newx: matrix of new rows;
# times: prediction times; newdata: data frame for survfit
report <- function(key, fit, newdata, times) {
  put(paste0(key, ".coef"), coef(fit))
  put(paste0(key, ".se"), sqrt(diag(if (is.null(fit$naive.var)) fit$var else fit$naive.var)))
  if (!is.null(fit$naive.var)) put(paste0(key, ".robustse"), sqrt(diag(fit$var)))
  put(paste0(key, ".loglik"), fit$loglik)
  put(paste0(key, ".iter"), fit$iter)
  put(paste0(key, ".score"), c(fit$score, length(coef(fit))))
  put(paste0(key, ".wald"), fit$wald.test)
  s <- summary(fit)
  put(paste0(key, ".lrt"), s$logtest)
  put(paste0(key, ".sctestsummary"), s$sctest)
  put(paste0(key, ".concordance"), s$concordance)
  put(paste0(key, ".counts"), fit$concordance[1:5])
  z <- cox.zph(fit, terms = FALSE)
  put(paste0(key, ".zph.chisq"), z$table[, "chisq"])
  put(paste0(key, ".zph.p"), z$table[, "p"])
  sf <- survfit(fit, newdata = newdata)
  sm <- summary(sf, times = times, extend = TRUE)
  put(paste0(key, ".surv"), as.vector(t(matrix(sm$surv, nrow = length(times)))))
}

# lung (NCCTG lung cancer; Loprinzi et al. 1994), rows with ph.ecog known
lung2 <- lung[!is.na(lung$ph.ecog), ]
writeData("lung", data.frame(time = lung2$time, event = as.integer(lung2$status == 2),
  age = lung2$age, sex = lung2$sex, ph_ecog = lung2$ph.ecog))
nd <- data.frame(age = c(60, 70), sex = c(1, 2), ph.ecog = c(0, 2))
for (ties in c("efron", "breslow")) {
  f <- coxph(Surv(time, status == 2) ~ age + sex + ph.ecog, data = lung2, ties = ties)
  report(paste0("lung.", ties), f, nd, c(100, 365, 500))
}

# veteran (VA lung cancer trial; Kalbfleisch & Prentice 1980): strata by cell type
vet <- veteran
writeData("veteran", data.frame(time = vet$time, event = vet$status, trt = vet$trt,
  karno = vet$karno, age = vet$age, diagtime = vet$diagtime, prior = vet$prior,
  celltype = as.character(vet$celltype), stratum = as.integer(vet$celltype)))
f <- coxph(Surv(time, status) ~ trt + karno + age + strata(celltype), data = vet)
report("veteran.strata", f, data.frame(trt = 1, karno = 60, age = 60, celltype = "squamous"),
  c(30, 100, 200))
# cell type as a covariate: treatment contrasts against squamous (R's first level)
f <- coxph(Surv(time, status) ~ karno + celltype, data = vet, ties = "breslow")
report("veteran.factor", f, data.frame(karno = c(60, 80), celltype = c("squamous", "adeno")),
  c(30, 100))

# ovarian (Edmonson et al. 1979) with case weights
ov <- ovarian
ov$w <- 1 + (seq_len(nrow(ov)) %% 3) / 2
writeData("ovarian", data.frame(time = ov$futime, event = ov$fustat, age = ov$age,
  ecog = ov$ecog.ps, weight = ov$w))
f <- coxph(Surv(futime, fustat) ~ age + ecog.ps, data = ov, weights = w)
report("ovarian.weights", f, data.frame(age = 55, ecog.ps = 1), c(200, 500, 1000))

# generated: integer times (many ties), clusters of four, weights
set.seed(20261201)
n <- 400
g <- data.frame(x1 = rnorm(n), x2 = rbinom(n, 1, 0.4), x3 = runif(n, 0, 10))
g$cl <- rep(seq_len(n / 4), each = 4)
frail <- rep(rgamma(n / 4, 2, 2), each = 4)
tt <- rexp(n, 0.05 * frail * exp(0.5 * g$x1 - 0.7 * g$x2 + 0.1 * g$x3))
cc <- runif(n, 0, 40)
g$time <- pmax(1, ceiling(pmin(tt, cc)))
g$event <- as.integer(tt <= cc)
g$w <- round(runif(n, 0.5, 2), 2)
writeData("gen-cluster", data.frame(time = g$time, event = g$event, x1 = g$x1, x2 = g$x2,
  x3 = g$x3, cluster = g$cl, weight = g$w))
ndg <- data.frame(x1 = c(0, 1), x2 = c(0, 1), x3 = c(5, 2))
f <- coxph(Surv(time, event) ~ x1 + x2 + x3 + cluster(cl), data = g)
report("gen.cluster", f, ndg, c(2, 5, 10, 20))
f <- coxph(Surv(time, event) ~ x1 + x2 + x3 + cluster(cl), data = g, weights = w, ties = "breslow")
report("gen.clusterweights", f, ndg, c(2, 5, 10, 20))
f <- coxph(Surv(time, event) ~ x1 + x2 + x3, data = g, weights = w)
report("gen.weights", f, ndg, c(2, 5, 10, 20))

# generated: late entry, counting-process (start, stop] data with two strata
set.seed(7)
n <- 300
e <- data.frame(x1 = rnorm(n), x2 = rbinom(n, 1, 0.5), s = rbinom(n, 1, 0.5) + 1)
e$start <- round(runif(n, 0, 5), 1)
life <- rexp(n, 0.1 * exp(0.4 * e$x1 + 0.6 * e$x2))
cens <- runif(n, 2, 25)
e$stop <- round(e$start + pmin(life, cens), 1) + 0.1
e$event <- as.integer(life <= cens)
writeData("gen-entry", data.frame(start = e$start, time = e$stop, event = e$event, x1 = e$x1,
  x2 = e$x2, stratum = e$s))
nde <- data.frame(x1 = 0.5, x2 = 1, s = 1)
for (ties in c("efron", "breslow")) {
  f <- coxph(Surv(start, stop, event) ~ x1 + x2, data = e, ties = ties)
  report(paste0("entry.", ties), f, nde, c(3, 6, 12))
  f <- coxph(Surv(start, stop, event) ~ x1 + x2 + strata(s), data = e, ties = ties)
  report(paste0("entrystrata.", ties), f, nde, c(3, 6, 12))
}
close(out)

# monotone likelihood: no row with g = 1 has an event, so the coefficient of g runs to -Inf
out <- file("references.txt", "a")
set.seed(11)
n <- 60
m <- data.frame(x1 = rnorm(n), g = rep(0:1, length.out = n))
m$time <- round(rexp(n, exp(0.5 * m$x1)), 3) + 0.001
m$event <- ifelse(m$g == 1, 0L, rbinom(n, 1, 0.8))
writeData("monotone", m[, c("time", "event", "x1", "g")])
f <- withCallingHandlers(coxph(Surv(time, event) ~ x1 + g, data = m),
  warning = function(w) { writeLines(paste("# warning:", conditionMessage(w)), out)
    invokeRestart("muffleWarning") })
put("monotone.coef", coef(f))
put("monotone.loglik", f$loglik)
put("monotone.iter", f$iter)
close(out)
