# Times R survival's coxph (Efron ties) on the files written by cox-data.R.
# Usage: Rscript cox-r.R <directory> [repetitions]
suppressMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args)) args[1] else "/tmp/niche-cox"
reps <- if (length(args) > 1) as.integer(args[2]) else 3
read1 <- function(name) {
  con <- file(file.path(dir, name), "rb")
  np <- readBin(con, "double", 2, endian = "little")
  n <- np[1]; p <- np[2]
  v <- readBin(con, "double", n * (p + 2), endian = "little")
  close(con)
  d <- as.data.frame(matrix(v[-(1:(2 * n))], n))
  names(d) <- paste0("x", 1:p)
  d$time <- v[1:n]; d$event <- v[(n + 1):(2 * n)]
  d
}
cat(sprintf("R %s, survival %s\n", getRversion(), packageVersion("survival")))
for (name in c("continuous.bin", "days.bin")) {
  d <- read1(name)
  # coxph() (formula handling, fit and the concordance it reports) once: it is slow
  t <- system.time(f <- coxph(Surv(time, event) ~ ., data = d))[["elapsed"]]
  # the fitting routine alone, without formula handling and concordance
  y <- Surv(d$time, d$event); x <- as.matrix(d[, 1:10])
  tfit <- sapply(seq_len(reps), function(i) system.time(
    survival:::coxph.fit(x, y, strata = NULL, offset = NULL, init = NULL,
      control = coxph.control(), weights = NULL, method = "efron",
      rownames = NULL))[["elapsed"]])
  cat(sprintf("%s: coxph() %.3f s (runs: %s); coxph.fit %.3f s (runs: %s); iter %d; coef[1] %.10f\n",
    name, mean(t), paste(sprintf("%.2f", t), collapse = " "), mean(tfit),
    paste(sprintf("%.2f", tfit), collapse = " "), f$iter, coef(f)[1]))
}
