package io.benchledger.archive.analysis.compare;

import io.benchledger.archive.BadInputException;
import java.util.Locale;

/**
 * One side of a comparison as the user names it:
 * <ul>
 *   <li>{@code 1.4.0} or {@code version:1.4.0}: every run of that version (pooled);</li>
 *   <li>a run id, or {@code run:ID}: that run (a bare word is a run id when a run has that id);</li>
 *   <li>{@code latest}: the newest run; {@code previous}: the newest run started before the other
 *       side's runs (or the second newest);</li>
 *   <li>{@code last-release}: the release runs of the newest version released before, see {@link SideResolver};</li>
 *   <li>{@code branch:NAME}: that branch's newest run; {@code variant:NAME}: every run of that A/B arm.</li>
 * </ul>
 */
public record Side(Kind kind, String value) {
    public enum Kind { VERSION_OR_RUN, VERSION, RUN, LATEST, PREVIOUS, LAST_RELEASE, BRANCH, VARIANT }

    public static Side parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new BadInputException("comparison side: expected a version, run id, latest, previous, last-release,"
                    + " branch:NAME or variant:NAME, got an empty value");
        }
        String s = spec.strip();
        switch (s.toLowerCase(Locale.ROOT)) {
            case "latest":
                return new Side(Kind.LATEST, "");
            case "previous":
                return new Side(Kind.PREVIOUS, "");
            case "last-release":
                return new Side(Kind.LAST_RELEASE, "");
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
                default -> null;
            };
            if (k != null) {
                if (rest.isBlank()) {
                    throw new BadInputException("comparison side '" + s + "': a name is expected after '" + prefix + ":'");
                }
                return new Side(k, rest);
            }
        }
        return new Side(Kind.VERSION_OR_RUN, s);
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
        };
    }
}
