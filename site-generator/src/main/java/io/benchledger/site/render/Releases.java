package io.benchledger.site.render;

import io.benchledger.site.model.RunInfo;
import io.benchledger.site.model.RunSelection;
import java.util.ArrayList;
import java.util.List;

/** The versions of a history in order of their first run, and which of them are releases. */
final class Releases {
    private final List<RunInfo> history;

    Releases(List<RunInfo> history) {
        this.history = history;
    }

    List<String> versions() {
        List<String> out = new ArrayList<>();
        for (RunInfo r : history) {
            if (!out.contains(r.run().version())) {
                out.add(r.run().version());
            }
        }
        return out;
    }

    /** Versions with a release run; when no run is marked as a release, every version counts. */
    List<String> releases() {
        List<String> versions = versions();
        List<String> rel = versions.stream()
                .filter(v -> history.stream().anyMatch(r -> r.run().version().equals(v) && "release".equals(r.run().trigger())))
                .toList();
        return rel.isEmpty() ? versions : rel;
    }

    /**
     * A release as a comparison side: its runs with trigger {@code release}, or every run of the
     * version when none is marked (as {@code compare}'s {@code last-release} side).
     */
    RunSelection release(String version) {
        List<String> marked = history.stream().filter(r -> r.run().version().equals(version) && "release".equals(r.run().trigger()))
                .map((RunInfo r) -> r.run().runId()).toList();
        return marked.isEmpty() ? version(version) : new RunSelection(label(version), marked);
    }

    RunSelection version(String version) {
        return new RunSelection(label(version),
                history.stream().filter(r -> r.run().version().equals(version)).map((RunInfo r) -> r.run().runId()).toList());
    }

    List<RunInfo> runsOf(String version) {
        return history.stream().filter(r -> r.run().version().equals(version)).toList();
    }

    static String label(String version) {
        return version.isEmpty() ? "(no version)" : version;
    }
}
