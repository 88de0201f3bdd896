package io.benchledger.report.model;

/**
 * One budget checked against one case: the criterion, its levels, what was measured, the outcome
 * and the change still needed.
 *
 * @param criterion what was checked, in words ({@code max p99}, {@code min throughput} …)
 * @param limit the first level to meet (the target, else the critical level), in {@code unit}
 * @param actual the measured value, in {@code unit}; NaN when not checked
 * @param target the target level, NaN when none
 * @param critical the critical level, NaN when none
 * @param status {@code pass}, {@code warn}, {@code fail} or {@code not checked}
 * @param needed the change still needed, in words ({@code −38 % to reach the target}); empty when met
 * @param note why it warns, fails or was not checked
 */
public record BudgetResult(
        String caseKey,
        String benchmark,
        String criterion,
        double limit,
        double actual,
        String unit,
        double target,
        double critical,
        String status,
        String needed,
        String note) {

    /** A single-level check that passed or failed (fixtures, older callers). */
    public BudgetResult(String caseKey, String benchmark, String criterion, double limit, double actual, String unit,
                        boolean passed) {
        this(caseKey, benchmark, criterion, limit, actual, unit, Double.NaN, limit, passed ? "pass" : "fail", "", "");
    }

    public boolean passed() {
        return "pass".equals(status);
    }

    public boolean failed() {
        return "fail".equals(status);
    }

    public boolean notChecked() {
        return "not checked".equals(status);
    }
}
