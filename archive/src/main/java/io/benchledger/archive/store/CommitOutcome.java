package io.benchledger.archive.store;

import java.util.List;

/** What a commit did: the runs it added and those it skipped because the archive had them already. */
public record CommitOutcome(List<String> added, List<String> alreadyPresent) {
    public CommitOutcome {
        added = List.copyOf(added);
        alreadyPresent = List.copyOf(alreadyPresent);
    }

    public boolean addedNothing() {
        return added.isEmpty();
    }
}
