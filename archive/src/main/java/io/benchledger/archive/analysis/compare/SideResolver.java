package io.benchledger.archive.analysis.compare;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.query.ArchiveDatabase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns the two {@link Side}s of a comparison into runs. The candidate is resolved first, since
 * {@code previous} and {@code last-release} on the baseline side are relative to it.
 *
 * <p>Rules:
 * <ul>
 *   <li>{@code previous}: the newest run started before the candidate's earliest run; when the
 *       candidate itself is {@code previous}, the second newest run.</li>
 *   <li>{@code last-release}: the newest run with trigger {@code release} whose version is not one of
 *       the candidate's versions names the release; the side is every release run of that version.
 *       Without any such run: the highest version (by {@link VersionOrder}) other than the
 *       candidate's, with all its runs.</li>
 *   <li>{@code recent:N}: the newest N runs started before the candidate's with the same branch, suite,
 *       environment name and JMH settings (forks, warm-up and measurement counts and times);
 *       {@code recent:N:same-machine} also the same machine (CPU model and count, OS, architecture, JVM);
 *       {@code recent:N:branch=NAME}: of branch NAME instead of the candidate's.</li>
 *   <li>A bare word is a run id when a run has that id, else a version.</li>
 * </ul>
 */
public final class SideResolver {
    private final List<RunRow> runs;
    private final String project;

    record RunRow(String runId, String version, String trigger, String variant, String branch, Instant startedAt,
                  String suite, String settings, String environment, String machine) {
        RunRow(String runId, String version, String trigger, String variant, String branch, Instant startedAt) {
            this(runId, version, trigger, variant, branch, startedAt, "", "", "", "");
        }
    }

    private SideResolver(String project, List<RunRow> runs) {
        this.project = project;
        this.runs = runs;
    }

    public static SideResolver of(ArchiveDatabase db, String project, String suite) throws SQLException {
        List<RunRow> rows = new ArrayList<>();
        try (PreparedStatement ps = db.connection().prepareStatement(io.benchledger.archive.query.SqlFile.load("resolve_side"))) {
            ps.setString(1, project);
            ps.setString(2, suite);
            ps.setString(3, suite);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new RunRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7),
                            rs.getString(8), rs.getString(9), rs.getString(10)));
                }
            }
        }
        return new SideResolver(project, rows);
    }

    /** A resolver over run rows listed newest first (what {@code resolve_side.sql} returns). */
    static SideResolver forRows(String project, List<RunRow> newestFirst) {
        return new SideResolver(project, List.copyOf(newestFirst));
    }

    /** Resolves both sides; {@code [0]} baseline, {@code [1]} candidate. */
    public ResolvedSide[] resolve(Side baseline, Side candidate) {
        if (runs.isEmpty()) {
            throw new BadInputException("project '" + project + "' has no runs in this archive (check --project and --suite)");
        }
        ResolvedSide cand = resolve(candidate, Optional.empty(), "candidate");
        ResolvedSide base = resolve(baseline, Optional.of(cand), "baseline");
        if (new LinkedHashSet<>(base.runIds()).equals(new LinkedHashSet<>(cand.runIds()))) {
            throw new BadInputException("baseline '" + baseline.spec() + "' and candidate '" + candidate.spec()
                    + "' are the same runs (" + String.join(", ", cand.runIds()) + "): nothing to compare");
        }
        return new ResolvedSide[] {base, cand};
    }

    /** Resolves one side on its own (as a candidate: {@code previous} is the second newest run). */
    public ResolvedSide resolveOne(Side side, String role) {
        if (runs.isEmpty()) {
            throw new BadInputException("project '" + project + "' has no runs in this archive (check --project and --suite)");
        }
        return resolve(side, Optional.empty(), role);
    }

    /** Resolves a baseline relative to runs already chosen (for {@code previous} and {@code last-release}). */
    public ResolvedSide resolveRelativeTo(Side side, ResolvedSide other, String role) {
        ResolvedSide r = resolve(side, Optional.of(other), role);
        if (new LinkedHashSet<>(r.runIds()).equals(new LinkedHashSet<>(other.runIds()))) {
            throw new BadInputException(role + " '" + side.spec() + "' is the same runs as the ones checked");
        }
        return r;
    }

    ResolvedSide resolve(Side side, Optional<ResolvedSide> other, String role) {
        List<RunRow> picked = switch (side.kind()) {
            case RUN -> runs.stream().filter(r -> side.runIds().contains(r.runId())).toList();
            case VERSION -> runs.stream().filter(r -> r.version().equals(side.value())).toList();
            case VERSION_OR_RUN -> {
                List<RunRow> byId = runs.stream().filter(r -> r.runId().equals(side.value())).toList();
                yield byId.isEmpty() ? runs.stream().filter(r -> r.version().equals(side.value())).toList() : byId;
            }
            case LATEST -> runs.stream().filter(r -> !confirming(r)).limit(1).toList();
            case PREVIOUS -> previous(other);
            case LAST_RELEASE -> lastRelease(other);
            case BRANCH -> runs.stream().filter(r -> r.branch().equals(side.value())).limit(1).toList();
            case VARIANT -> runs.stream().filter(r -> r.variant().equals(side.value())).toList();
            case RECENT -> recent(other, side.recentCount(), side.sameMachine(), side.branch());
        };
        if (picked.isEmpty()) {
            throw new BadInputException(role + " '" + side.spec() + "': " + whyEmpty(side));
        }
        if (side.kind() == Side.Kind.RUN && picked.size() < side.runIds().size()) {
            List<String> found = picked.stream().map(RunRow::runId).toList();
            throw new BadInputException(role + " '" + side.spec() + "': no run of project '" + project + "' has the id "
                    + side.runIds().stream().filter(id -> !found.contains(id)).findFirst().orElse(""));
        }
        List<String> ids = picked.stream().map(RunRow::runId).toList();
        List<String> versions = picked.stream().map(RunRow::version).distinct().sorted(VersionOrder.INSTANCE).toList();
        return new ResolvedSide(side, ids, versions, holds(side, picked));
    }

    /** What a {@code recent} side holds, in words: its runs' branch, suite and settings, and its span. */
    private static String holds(Side side, List<RunRow> picked) {
        if (side.kind() != Side.Kind.RECENT) {
            return "";
        }
        RunRow newest = picked.get(0);
        RunRow oldest = picked.get(picked.size() - 1);
        return picked.size() + (picked.size() == 1 ? " run" : " runs") + " of "
                + (newest.branch().isEmpty() ? "" : "branch '" + newest.branch() + "', ") + "suite '" + newest.suite()
                + "'" + (newest.environment().isEmpty() ? "" : ", environment '" + newest.environment() + "'")
                + (side.sameMachine() ? ", machine " + newest.machine() : "")
                + " with " + newest.settings() + ", from " + oldest.runId() + " to " + newest.runId();
    }

    /**
     * The newest {@code n} runs started before the candidate's (earliest) run with its branch, suite,
     * environment and JMH settings: runs of other settings (the quick profile against the nightly one) are
     * never pooled.
     */
    private List<RunRow> recent(Optional<ResolvedSide> other, int n, boolean sameMachine, String branch) {
        if (other.isEmpty()) {
            RunRow newest = runs.stream().filter(r -> !confirming(r)).findFirst().orElse(runs.get(0));
            return runs.stream().filter(r -> r != newest && comparable(r, newest, sameMachine, branch)).limit(n).toList();
        }
        Set<String> otherIds = Set.copyOf(other.get().runIds());
        RunRow earliest = runs.stream().filter(r -> otherIds.contains(r.runId()))
                .min(java.util.Comparator.comparing(RunRow::startedAt)).orElseThrow();
        return runs.stream().filter(r -> !otherIds.contains(r.runId()) && r.startedAt().isBefore(earliest.startedAt())
                && comparable(r, earliest, sameMachine, branch)).limit(n).toList();
    }

    /** @param branch the history's branch; empty: the candidate's */
    private static boolean comparable(RunRow r, RunRow candidate, boolean sameMachine, String branch) {
        // a profiled run pays the profiler's overhead: it is never the baseline of an unprofiled one
        return r.branch().equals(branch.isEmpty() ? candidate.branch() : branch) && r.suite().equals(candidate.suite())
                && r.settings().equals(candidate.settings()) && r.environment().equals(candidate.environment())
                && (!sameMachine || r.machine().equals(candidate.machine()))
                && Run.TRIGGER_PROFILE.equals(r.trigger()) == Run.TRIGGER_PROFILE.equals(candidate.trigger())
                && !confirming(r);
    }

    /** A nightly's re-measurement of what it flagged: part of that night's run, never a run of its own. */
    private static boolean confirming(RunRow r) {
        return Run.TRIGGER_CONFIRM.equals(r.trigger());
    }

    private List<RunRow> previous(Optional<ResolvedSide> other) {
        if (other.isEmpty()) {
            return runs.stream().filter(r -> !confirming(r)).skip(1).limit(1).toList();
        }
        Set<String> otherIds = Set.copyOf(other.get().runIds());
        Instant earliest = runs.stream().filter(r -> otherIds.contains(r.runId())).map(RunRow::startedAt)
                .min(Instant::compareTo).orElseThrow();
        // a load run (benchledger load) and a JMH run share no case: neither is the other's previous run
        boolean load = runs.stream().anyMatch(r -> otherIds.contains(r.runId()) && Run.WORKLOADS_SUITE.equals(r.suite()));
        return runs.stream().filter(r -> !otherIds.contains(r.runId()) && r.startedAt().isBefore(earliest)
                        && Run.WORKLOADS_SUITE.equals(r.suite()) == load && !confirming(r))
                .limit(1).toList();
    }

    private List<RunRow> lastRelease(Optional<ResolvedSide> other) {
        Set<String> excluded = other.map(o -> Set.copyOf(o.versions())).orElse(Set.of());
        Optional<RunRow> newestRelease = runs.stream()
                .filter(r -> Run.TRIGGER_RELEASE.equals(r.trigger()) && !excluded.contains(r.version()))
                .findFirst();
        if (newestRelease.isPresent()) {
            String v = newestRelease.get().version();
            return runs.stream().filter(r -> Run.TRIGGER_RELEASE.equals(r.trigger()) && r.version().equals(v)).toList();
        }
        Optional<String> highest = runs.stream().map(RunRow::version)
                .filter(v -> !v.isEmpty() && !excluded.contains(v)).max(VersionOrder.INSTANCE);
        return highest.map(v -> runs.stream().filter(r -> r.version().equals(v)).toList()).orElse(List.of());
    }

    private String whyEmpty(Side side) {
        return switch (side.kind()) {
            case VERSION_OR_RUN, VERSION, RUN -> "no run of project '" + project + "' has that "
                    + (side.kind() == Side.Kind.RUN ? (side.runIds().size() > 1 ? "set of run ids" : "run id")
                            : side.kind() == Side.Kind.VERSION ? "version" : "version or run id")
                    + " (versions present: " + listOf(runs.stream().map(RunRow::version).collect(Collectors.toCollection(TreeSet::new))) + ")";
            case LATEST -> "the project has no runs";
            case PREVIOUS -> "no run was started before the other side's runs";
            case LAST_RELEASE -> "no release run and no other version to compare with";
            case RECENT -> side.branch().isEmpty()
                    ? "no earlier run with the same branch, suite, environment" + (side.sameMachine() ? ", machine" : "") + " and JMH settings"
                    : "no earlier run of branch '" + side.branch() + "' with the same suite, environment"
                            + (side.sameMachine() ? ", machine" : "") + " and JMH settings";
            case BRANCH -> "no run on that branch (branches present: "
                    + listOf(runs.stream().map(RunRow::branch).filter(b -> !b.isEmpty()).collect(Collectors.toCollection(TreeSet::new))) + ")";
            case VARIANT -> "no run of that variant (variants present: "
                    + listOf(runs.stream().map(RunRow::variant).filter(b -> !b.isEmpty()).collect(Collectors.toCollection(TreeSet::new))) + ")";
        };
    }

    private static String listOf(Set<String> values) {
        if (values.isEmpty()) {
            return "none";
        }
        List<String> l = new ArrayList<>(values);
        l.sort(VersionOrder.INSTANCE);
        return l.size() > 10 ? String.join(", ", l.subList(0, 10)) + ", …" : String.join(", ", l);
    }
}
