package io.benchledger.archive.analysis.budget;

/**
 * One budget applied to one case (or a note about a budget that could not be applied).
 *
 * @param criterion {@code max_p99}, {@code min_throughput}, {@code max_allocation_per_op} or {@code max_regression}
 * @param limit     the budget's limit (a fraction for {@code max_regression})
 * @param actual    the measured value (for {@code max_regression}: the change in the bad direction,
 *                  as a fraction); NaN when there is none
 * @param note      why it failed or warns, in words; empty for a pass
 */
public record BudgetCheck(String pattern, String caseKey, String benchmark, String metric, String criterion,
                          double limit, double actual, String unit, BudgetStatus status, String note) {
}
