package io.benchledger.site.profile;

import io.benchledger.archive.BadInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a JFR recording says the CPU was doing: its execution samples (the {@code jdk.ExecutionSample}
 * events, one stack each, taken every 10 or 20 ms of running Java code) merged into a call tree for a
 * flame graph, and the methods with the most samples. Read with the JDK's own {@code jdk.jfr.consumer}.
 * async-profiler's JFR output has the same events, with native frames (the JVM's compiler threads, libc)
 * too, and settings that name its version and the sampler that ran.
 */
public final class JfrProfile {
    static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";
    static final String ACTIVE_SETTING = "jdk.ActiveSetting";
    /** Frame types of code that is not Java (async-profiler's names). */
    private static final Set<String> NATIVE = Set.of("Native", "C++", "Kernel");
    /** Frames narrower than this share of all samples are left out of the flame graph (not the table). */
    static final double MIN_SHARE = 0.002;
    static final int MAX_DEPTH = 128;

    /** One rectangle of the flame graph: samples [start, start + samples) at a depth (0: the root). */
    public record Frame(int depth, long start, long samples, long self, String method) {
    }

    /** A method's samples: on top of the stack (self) and anywhere in it (total, counted once per stack). */
    public record Method(String method, long self, long total) {
    }

    /**
     * @param frames root first, depth by depth; @param top methods by self samples, most first
     * @param profiler who recorded it: {@code JFR}, or {@code async-profiler 4.6, cpu (ctimer)}
     */
    public record Profile(long samples, List<Frame> frames, List<Method> top, String profiler) {
    }

    private static final class Node {
        final String method;
        long total;
        long self;
        final Map<String, Node> children = new LinkedHashMap<>();

        Node(String method) {
            this.method = method;
        }
    }

    private JfrProfile() {
    }

    public static Profile read(Path recording, int topCount) {
        Node root = new Node("all");
        Map<String, long[]> methods = new HashMap<>();
        Map<String, String> async = new HashMap<>();
        try (RecordingFile f = new RecordingFile(recording)) {
            while (f.hasMoreEvents()) {
                RecordedEvent e = f.readEvent();
                if (e.getEventType().getName().equals(ACTIVE_SETTING) && e.hasField("name") && e.hasField("value")
                        && List.of("version", "engine", "event").contains(e.getString("name"))) {
                    async.putIfAbsent(e.getString("name"), e.getString("value"));
                }
                if (!e.getEventType().getName().equals(EXECUTION_SAMPLE)) {
                    continue;
                }
                RecordedStackTrace st = e.getStackTrace();
                if (st == null || st.getFrames().isEmpty()) {
                    continue;
                }
                List<RecordedFrame> frames = st.getFrames(); // leaf first
                root.total++;
                Node n = root;
                Set<String> seen = new HashSet<>();
                for (int i = frames.size() - 1, depth = 1; i >= 0; i--, depth++) {
                    String m = name(frames.get(i));
                    if (seen.add(m)) {
                        methods.computeIfAbsent(m, k -> new long[2])[1]++;
                    }
                    if (depth <= MAX_DEPTH) {
                        n = n.children.computeIfAbsent(m, Node::new);
                        n.total++;
                    }
                }
                n.self++;
                methods.computeIfAbsent(name(frames.get(0)), k -> new long[2])[0]++;
            }
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(recording + ": not a readable JFR recording ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s+", " ")) + ")");
        }
        List<Frame> out = new ArrayList<>();
        long min = Math.max(1, (long) Math.ceil(root.total * MIN_SHARE));
        layout(root, 0, 0, min, out);
        List<Method> top = methods.entrySet().stream().map(e -> new Method(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .filter(m -> m.self() > 0)
                .sorted(Comparator.comparingLong(Method::self).reversed().thenComparing(Method::method))
                .limit(topCount).toList();
        // only async-profiler names its sampling engine; the JDK's own settings have no "engine"
        String profiler = async.containsKey("engine")
                ? "async-profiler " + async.getOrDefault("version", "") + ", " + async.getOrDefault("event", "?") + " (" + async.get("engine") + ")"
                : "JFR";
        return new Profile(root.total, out, top, profiler);
    }

    /** Places each node after its elder siblings (widest first, as flame graphs order them). */
    private static void layout(Node n, int depth, long start, long min, List<Frame> out) {
        out.add(new Frame(depth, start, n.total, n.self, n.method));
        long x = start;
        List<Node> kids = new ArrayList<>(n.children.values());
        kids.sort(Comparator.comparingLong((Node k) -> k.total).reversed().thenComparing(k -> k.method));
        for (Node k : kids) {
            if (k.total >= min) {
                layout(k, depth + 1, x, min, out);
            }
            x += k.total;
        }
    }

    /** {@code package.Class.method}, as in a stack trace; a native frame by its symbol alone (its "class" is the library). */
    private static String name(RecordedFrame f) {
        if (f.getMethod() == null) {
            return "(unknown)";
        }
        if (NATIVE.contains(f.getType())) {
            return f.getMethod().getName();
        }
        String type = f.getMethod().getType() == null ? "" : f.getMethod().getType().getName() + ".";
        return type + f.getMethod().getName();
    }
}
