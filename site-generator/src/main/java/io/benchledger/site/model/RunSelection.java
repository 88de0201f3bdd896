package io.benchledger.site.model;

import java.util.List;

/** A named set of runs one side of a comparison stands for (a version, one run, an A/B arm). */
public record RunSelection(String label, List<String> runIds) {
    public RunSelection {
        runIds = List.copyOf(runIds);
    }

    public boolean isEmpty() {
        return runIds.isEmpty();
    }
}
