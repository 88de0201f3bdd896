package io.benchledger.archive.analysis.compare;

import io.benchledger.archive.BadInputException;
import java.util.List;
import java.util.Locale;

/**
 * One side of a comparison as the user names it:
 * <ul>
 *   <li>{@code 1.4.0} or {@code version:1.4.0}: every run of that version (pooled);</li>
 *   <li>a run id, or {@code run:ID}: that run (a bare word is a run id when a run has that id);
 *       {@code run:ID+ID2}: those runs, e.g. a nightly run and its re-measurement;</li>
 *   <li>{@code latest}: the newest run; {@code previous}: the newest run started before the other
 *       side's runs (or the second newest);</li>
 *   <li>{@code last-release}: the release runs of the newest version released before, see {@link SideResolver};</li>
 *   <li>{@code branch:NAME}: that branch's newest run; {@code variant:NAME}: every run of that A/B arm;</li>
 *   <li>{@code recent} or {@code recent:N}: the newest N runs (default {@value #DEFAULT_RECENT}) before the other
 *       side's run with its project, branch, suite, environment name and JMH settings: the history the nightly is
 *       judged against. {@code recent:N:same-machine} also asks for the same machine (CPU model and count, OS,
 *       architecture, JVM vendor and version), for archives fed by several kinds of runner.
 *       {@code recent:N:branch=NAME} takes the history of branch NAME instead of the candidate's: a pull
 *       request's run against its base branch (git forbids ':' in branch names). Both may be given.</li>
 * </ul>
 *
 * @param sameMachine for {@code recent} only: the history holds runs of the candidate's machine only
 * @param branch for {@code recent} only: the history's branch; empty: the candidate's
 */
public record Side(Kind kind, String value, boolean sameMachine, String branch) {
    public enum Kind { VERSION_OR_RUN, VERSION, RUN, LATEST, PREVIOUS, LAST_RELEASE, BRANCH, VARIANT, RECENT }

    /** Runs in a {@code recent} side when no N is given. */
    public static final int DEFAULT_RECENT = 20;

    /** The suffix of {@code recent:N:same-machine}. */
    public static final String SAME_MACHINE = "same-machine";
    /** The prefix of {@code recent:N:branch=NAME}'s suffix. */
    public static final String BRANCH_IS = "branch=";

    public Side(Kind kind, String value) {
        this(kind, value, false);
    }

    public Side(Kind kind, String value, boolean sameMachine) {
        this(kind, value, sameMachine, "");
    }

    /** The {@code recent:N} side. */
    public static Side recent(int n) {
        return recent(n, false);
    }

    /** The {@code recent:N} side, or {@code recent:N:same-machine}. */
    public static Side recent(int n, boolean sameMachine) {
        return new Side(Kind.RECENT, Integer.toString(n), sameMachine);
    }

    /** The {@code run:ID+ID2…} side of the given runs. */
    public static Side runs(List<String> runIds) {
        return new Side(Kind.RUN, String.join("+", runIds));
    }

    /** The run ids of a {@code run:} side ({@code run:A+B} names two). */
    public List<String> runIds() {
        return List.of(value.split("\\+"));
    }

    /** N of a {@code recent:N} side. */
    public int recentCount() {
        return Integer.parseInt(value);
    }

    public static Side parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new BadInputException("comparison side: expected a version, run id, latest, previous, last-release,"
                    + " recent[:N][:branch=NAME], branch:NAME or variant:NAME, got an empty value");
        }
        String s = spec.strip();
        switch (s.toLowerCase(Locale.ROOT)) {
            case "latest":
                return new Side(Kind.LATEST, "");
            case "previous":
                return new Side(Kind.PREVIOUS, "");
            case "last-release":
                return new Side(Kind.LAST_RELEASE, "");
            case "recent":
                return recent(DEFAULT_RECENT);
            default:
                break;
        }
        int colon = s.indexOf(':');
        if (colon > 0) {
            String prefix = s.substring(0, colon).toLowerCase(Locale.ROOT);
            String rest = s.substring(colon + 1);
            Kind k = switch (prefix) {
                case "branch" -> Kind.BRANCH;
                case "variant" -> Kind.VARIANT;
                case "run" -> Kind.RUN;
                case "version" -> Kind.VERSION;
                case "recent" -> Kind.RECENT;
                default -> null;
            };
            if (k == Kind.RECENT) {
                return parseRecent(s, rest.strip());
            }
            if (k != null) {
                if (rest.isBlank()) {
                    throw new BadInputException("comparison side '" + s + "': a name is expected after '" + prefix + ":'");
                }
                return new Side(k, rest);
            }
        }
        return new Side(Kind.VERSION_OR_RUN, s);
    }

    /** {@code N} or {@code same-machine}, then any of {@code :same-machine} and {@code :branch=NAME}, after {@code recent:}. */
    private static Side parseRecent(String spec, String rest) {
        if (rest.equalsIgnoreCase(SAME_MACHINE)) {
            return recent(DEFAULT_RECENT, true);
        }
        String[] parts = rest.split(":", -1);
        boolean sameMachine = false;
        String branch = "";
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.equalsIgnoreCase(SAME_MACHINE)) {
                sameMachine = true;
            } else if (p.startsWith(BRANCH_IS) && p.length() > BRANCH_IS.length()) {
                branch = p.substring(BRANCH_IS.length());
            } else {
                throw new BadInputException("comparison side '" + spec + "': expected recent:N or recent:N:" + SAME_MACHINE
                        + " or recent:N:" + BRANCH_IS + "NAME after the count, got '" + parts[i] + "'");
            }
        }
        try {
            int n = Integer.parseInt(parts[0].strip());
            if (n >= 1) {
                return new Side(Kind.RECENT, Integer.toString(n), sameMachine, branch);
            }
        } catch (NumberFormatException notANumber) {
            // falls through to the message below
        }
        throw new BadInputException("comparison side '" + spec + "': expected recent:N with N a whole number >= 1");
    }

    /** As the user wrote it (normalised). */
    public String spec() {
        return switch (kind) {
            case VERSION_OR_RUN -> value;
            case VERSION -> "version:" + value;
            case RUN -> "run:" + value;
            case LATEST -> "latest";
            case PREVIOUS -> "previous";
            case LAST_RELEASE -> "last-release";
            case BRANCH -> "branch:" + value;
            case VARIANT -> "variant:" + value;
            case RECENT -> "recent:" + value + (sameMachine ? ":" + SAME_MACHINE : "") + (branch.isEmpty() ? "" : ":" + BRANCH_IS + branch);
        };
    }
}
