# Prints the R survival 3.5.3 data sets used by the churn tests as Java array literals
# (pasted into src/test/java/dev/niche/churn/RDataSets.java). Run: Rscript datasets.R
library(survival)
arr <- function(name, type, x) {
  x <- if (is.character(x)) x else format(x, scientific = FALSE, trim = TRUE)
  lines <- split(x, ceiling(seq_along(x) / 12))
  body <- paste(sapply(lines, paste, collapse = ", "), collapse = ",\n      ")
  cat(sprintf("  static final %s[] %s = {\n      %s};\n", type, name, body))
}
bool <- function(name, x) arr(name, "boolean", ifelse(x, "true", "false"))
# NCCTG lung cancer (survival::lung): days, status 2 = dead, sex 1/2, ph.ecog (NA -> -1).
arr("LUNG_TIME", "double", lung$time)
bool("LUNG_DEAD", lung$status == 2)
arr("LUNG_SEX", "int", lung$sex)
arr("LUNG_ECOG", "int", ifelse(is.na(lung$ph.ecog), -1, lung$ph.ecog))
# Veterans' lung cancer trial (survival::veteran): trt 1/2, celltype 1..4 (squamous, smallcell,
# adeno, large), prior 0/10.
arr("VETERAN_TIME", "double", veteran$time)
bool("VETERAN_DEAD", veteran$status == 1)
arr("VETERAN_TRT", "int", veteran$trt)
arr("VETERAN_CELLTYPE", "int", as.integer(veteran$celltype))
arr("VETERAN_PRIOR", "int", veteran$prior)
# Acute myelogenous leukemia (survival::aml): x 1 = Maintained, 2 = Nonmaintained.
arr("AML_TIME", "double", aml$time)
bool("AML_RELAPSE", aml$status == 1)
arr("AML_ARM", "int", as.integer(aml$x))
