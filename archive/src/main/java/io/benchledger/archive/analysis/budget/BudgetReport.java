package io.benchledger.archive.analysis.budget;

import io.benchledger.archive.analysis.compare.ResolvedSide;
import java.util.List;

/** Every budget check of one run (or several pooled), failures first. */
public record BudgetReport(ResolvedSide run, List<BudgetCheck> checks) {
    public BudgetReport {
        checks = List.copyOf(checks);
    }

    public List<BudgetCheck> failures() {
        return with(BudgetStatus.FAIL);
    }

    /** Beyond a target, or a criterion the cases cannot answer (p99 without sample mode). */
    public List<BudgetCheck> warnings() {
        return with(BudgetStatus.WARN);
    }

    public List<BudgetCheck> notChecked() {
        return with(BudgetStatus.NOT_CHECKED);
    }

    public List<BudgetCheck> passes() {
        return with(BudgetStatus.PASS);
    }

    /** Passes within 10 % of their level. */
    public List<BudgetCheck> close() {
        return checks.stream().filter(BudgetCheck::close).toList();
    }

    public List<BudgetCheck> with(BudgetStatus s) {
        return checks.stream().filter(c -> c.status() == s).toList();
    }

    /** No failure (warnings and unchecked budgets do not fail the gate; they are reported apart). */
    public boolean passed() {
        return failures().isEmpty();
    }
}
