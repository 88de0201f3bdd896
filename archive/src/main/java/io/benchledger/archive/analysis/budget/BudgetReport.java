package io.benchledger.archive.analysis.budget;

import io.benchledger.archive.analysis.compare.ResolvedSide;
import java.util.List;

/** Every budget check of one run (or several pooled), failures first. */
public record BudgetReport(ResolvedSide run, List<BudgetCheck> checks) {
    public BudgetReport {
        checks = List.copyOf(checks);
    }

    public List<BudgetCheck> failures() {
        return checks.stream().filter(c -> c.status() == BudgetStatus.FAIL).toList();
    }

    public List<BudgetCheck> warnings() {
        return checks.stream().filter(c -> c.status() == BudgetStatus.WARN).toList();
    }

    public boolean passed() {
        return failures().isEmpty();
    }
}
