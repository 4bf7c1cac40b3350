package dev.niche.valuechain;

/**
 * How one activity's share moved between two value chains (see {@link Restructuring}).
 *
 * @param activity the activity's name
 * @param shareBefore its share of total cost before, in [0, 1]
 * @param shareAfter its share after, in [0, 1]
 * @param changeInPoints (shareAfter &minus; shareBefore) &times; 100, in percentage points
 * @param clrChange clr(after)<sub>i</sub> &minus; clr(before)<sub>i</sub>: the log-ratio change of
 *     this share relative to the geometric mean of all shares (these sum to zero over activities)
 * @param factor shareAfter / shareBefore: the unclosed perturbation factor (5 means "five times the
 *     share it had")
 */
public record ActivityChange(String activity, double shareBefore, double shareAfter,
    double changeInPoints, double clrChange, double factor) {}
