# Generates the Cox benchmark data (10^6 customers x 10 attributes) for CoxFitBenchmark and
# cox-vs-r.sh, as little-endian doubles: n, p, then the columns time, event, x1..x10.
# Usage: Rscript cox-data.R <directory>
args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args)) args[1] else "/tmp/niche-cox"
dir.create(dir, showWarnings = FALSE, recursive = TRUE)
set.seed(1)
n <- 1e6
x <- cbind(matrix(rnorm(5 * n), n), matrix(rbinom(3 * n, 1, 0.3), n), runif(n, 0, 5),
  rpois(n, 2))
colnames(x) <- paste0("x", 1:10)
beta <- c(0.2, -0.1, 0.05, 0.3, -0.2, 0.4, -0.3, 0.1, 0.05, -0.05)
life <- rexp(n, 0.002 * exp(drop(x %*% beta)))   # tenure in days
cens <- runif(n, 30, 730)                          # observation window up to two years
time <- pmin(life, cens)
event <- as.numeric(life <= cens)
write1 <- function(name, time) {
  con <- file(file.path(dir, name), "wb")
  writeBin(c(n, 10), con, endian = "little")
  writeBin(c(time, event, as.vector(x)), con, endian = "little")
  close(con)
}
write1("continuous.bin", time)          # no ties
write1("days.bin", ceiling(time))       # tenure in whole days: ~1,400 rows per day, many ties
cat("wrote", dir, "events:", sum(event), "\n")
