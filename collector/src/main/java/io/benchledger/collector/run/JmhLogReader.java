package io.benchledger.collector.run;

import io.benchledger.archive.model.CaseKey;
import io.benchledger.archive.model.Mode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows JMH's human-readable output line by line: which case is running (from the
 * {@code # Benchmark:}, {@code # Parameters:}, {@code # Threads:} and {@code # Benchmark mode:}
 * header), JMH's own progress, and which cases failed ({@code <failure>} followed by the exception,
 * or a forked VM that died). The JSON result file leaves failed cases out; this is where they are found.
 */
public final class JmhLogReader {
    private static final Pattern PROGRESS = Pattern.compile("# Run progress: ([0-9.]+)% complete, ETA (\\d+):(\\d+):(\\d+)");
    private static final Pattern THREADS = Pattern.compile("# Threads: (\\d+) thread");
    private static final Pattern FORK_FAILED = Pattern.compile("<forked VM failed with exit code (-?\\d+)>");

    /** A case as the log names it. */
    public record CaseRef(String benchmark, SortedMap<String, String> params, String mode, int threads) {
        public String caseKey() {
            return CaseKey.of(benchmark, params, mode, threads);
        }
    }

    /** What the reader reports as it goes. */
    public interface Listener {
        void caseStarted(CaseRef ref, double percentComplete, long etaSeconds);

        default void line(String line) {
        }
    }

    private final Listener listener;
    private String benchmark = "";
    private SortedMap<String, String> params = new TreeMap<>();
    private String mode = "";
    private int threads = 1;
    private CaseRef current;
    private boolean headerOpen;
    private boolean awaitingException;
    private final Map<String, String> failures = new LinkedHashMap<>();
    private final Map<String, CaseRef> failedCases = new LinkedHashMap<>();
    private final List<CaseRef> started = new ArrayList<>();
    private final List<String> forkCases = new ArrayList<>();

    public JmhLogReader(Listener listener) {
        this.listener = listener;
    }

    public void accept(String line) {
        listener.line(line);
        if (awaitingException) {
            String t = line.trim();
            if (!t.isEmpty()) {
                recordFailure(t);
                awaitingException = false;
            }
            return;
        }
        if (line.startsWith("# Benchmark mode: ")) {
            mode = mode(line.substring("# Benchmark mode: ".length()));
            headerOpen = true;
        } else if (line.startsWith("# Threads: ")) {
            Matcher m = THREADS.matcher(line);
            threads = m.find() ? Integer.parseInt(m.group(1)) : 1;
            headerOpen = true;
        } else if (line.startsWith("# Benchmark: ")) {
            benchmark = line.substring("# Benchmark: ".length()).trim();
            params = new TreeMap<>();
            headerOpen = true;
        } else if (line.startsWith("# Parameters: (") && line.endsWith(")")) {
            params = params(line.substring("# Parameters: (".length(), line.length() - 1));
        } else if (line.startsWith("# Run progress: ")) {
            if (headerOpen) {
                current = new CaseRef(benchmark, params, mode, threads);
                started.add(current);
                headerOpen = false;
                Matcher m = PROGRESS.matcher(line);
                double pct = 0;
                long eta = -1;
                if (m.find()) {
                    pct = Double.parseDouble(m.group(1));
                    eta = Long.parseLong(m.group(2)) * 3600 + Long.parseLong(m.group(3)) * 60 + Long.parseLong(m.group(4));
                }
                listener.caseStarted(current, pct, eta);
            }
        } else if (current != null && (line.startsWith("# Fork: ") || line.startsWith("# Warmup Fork: "))) {
            forkCases.add(current.caseKey());
        } else if (current != null && line.contains("<failure>")) {
            awaitingException = true;
        } else if (current != null) {
            Matcher m = FORK_FAILED.matcher(line);
            if (m.find()) {
                recordFailure("forked VM failed with exit code " + m.group(1));
            }
        }
    }

    private void recordFailure(String message) {
        failures.putIfAbsent(current.caseKey(), message);
        failedCases.putIfAbsent(current.caseKey(), current);
    }

    /** Failed cases by case key, with the first line of their error. */
    public Map<String, String> failures() {
        return failures;
    }

    public CaseRef failedCase(String caseKey) {
        return failedCases.get(caseKey);
    }

    /** The case of every forked JVM JMH started, in the order it started them (one at a time). */
    public List<String> forkCases() {
        return forkCases;
    }

    /** Every case that started, in order. */
    public List<CaseRef> started() {
        return started;
    }

    static String mode(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("throughput")) {
            return Mode.THROUGHPUT;
        }
        if (t.startsWith("average")) {
            return Mode.AVERAGE_TIME;
        }
        if (t.startsWith("sampling")) {
            return Mode.SAMPLE_TIME;
        }
        if (t.startsWith("single")) {
            return Mode.SINGLE_SHOT;
        }
        return "";
    }

    static SortedMap<String, String> params(String inner) {
        SortedMap<String, String> out = new TreeMap<>();
        for (String part : inner.split(", ")) {
            int eq = part.indexOf(" = ");
            if (eq > 0) {
                out.put(part.substring(0, eq).trim(), part.substring(eq + 3));
            }
        }
        return out;
    }
}
