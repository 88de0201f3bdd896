package io.benchledger.report.model;

/**
 * One budget checked against one case: the criterion, its limit, what was measured, and whether it held.
 *
 * @param criterion what was checked, as the suite configuration names it ({@code max p99},
 *                  {@code min throughput}, {@code max allocation per op}, {@code max regression})
 * @param limit the budget's value, in {@code unit}
 * @param actual the measured value, in {@code unit}
 */
public record BudgetResult(
        String caseKey,
        String benchmark,
        String criterion,
        double limit,
        double actual,
        String unit,
        boolean passed) {
}
