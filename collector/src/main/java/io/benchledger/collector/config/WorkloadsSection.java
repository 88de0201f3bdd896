package io.benchledger.collector.config;

import com.fasterxml.jackson.core.JsonToken;
import io.benchledger.archive.BadInputException;
import io.benchledger.collector.config.ConfigNode.ListNode;
import io.benchledger.collector.config.ConfigNode.MapNode;
import io.benchledger.collector.config.ConfigNode.Scalar;
import io.benchledger.collector.load.WorkloadSpec;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code workloads} section of a suite configuration: open-loop load workloads (see
 * docs/workloads.md). Every error names the file, line and column ({@code file:line:column: path: what}).
 * The stage names are checked against the workload class later, by {@link #checkStages}, since only
 * then is the class path known.
 */
public final class WorkloadsSection {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|min)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern CLASS = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*");
    static final long DEFAULT_WARMUP = 2_000;
    static final long DEFAULT_DURATION = 10_000;
    static final long DEFAULT_TIMEOUT = 1_000;

    private final String file;
    private final Map<String, WorkloadSpec> workloads;
    /** Where each stage reference was written, by workload, operation and position. */
    private final Map<String, ConfigNode> stageNodes;

    private WorkloadsSection(String file, Map<String, WorkloadSpec> workloads, Map<String, ConfigNode> stageNodes) {
        this.file = file;
        this.workloads = workloads;
        this.stageNodes = stageNodes;
    }

    public static WorkloadsSection load(Path path) throws IOException {
        return ConfigFile.read(path, WorkloadsSection::parse);
    }

    public static WorkloadsSection loadDefault() throws IOException {
        return ConfigFile.readDefault(WorkloadsSection::parse);
    }

    public static WorkloadsSection parse(String file, Reader reader) throws IOException {
        ConfigNode root = ConfigNode.parse(file, reader);
        Map<String, WorkloadSpec> out = new LinkedHashMap<>();
        Map<String, ConfigNode> stageNodes = new LinkedHashMap<>();
        if (root instanceof MapNode m && m.get("workloads") != null) {
            MapNode w = map(m.get("workloads"));
            for (Map.Entry<String, ConfigNode> e : w.entries.entrySet()) {
                if (!NAME.matcher(e.getKey()).matches()) {
                    throw at(w, e.getKey(), "expected a name of letters, digits, '.', '_' or '-'");
                }
                out.put(e.getKey(), workload(e.getKey(), e.getValue(), stageNodes));
            }
        }
        return new WorkloadsSection(file, out, stageNodes);
    }

    public String file() {
        return file;
    }

    public Map<String, WorkloadSpec> workloads() {
        return workloads;
    }

    /** The named workloads (all when none are named); an unknown name is an error. */
    public List<WorkloadSpec> select(List<String> names) {
        if (workloads.isEmpty()) {
            throw new BadInputException(file + ": no workloads section (see docs/workloads.md)");
        }
        if (names.isEmpty()) {
            return List.copyOf(workloads.values());
        }
        List<WorkloadSpec> out = new ArrayList<>();
        for (String n : names) {
            WorkloadSpec s = workloads.get(n);
            if (s == null) {
                throw new BadInputException(file + ": no workload '" + n + "' (workloads: "
                        + String.join(", ", workloads.keySet()) + ")");
            }
            out.add(s);
        }
        return out;
    }

    /** Every stage an operation names must be one the workload class provides. */
    public void checkStages(WorkloadSpec w, Set<String> provided) {
        for (WorkloadSpec.Operation op : w.operations()) {
            for (int i = 0; i < op.stages().size(); i++) {
                String stage = op.stages().get(i).name();
                if (!provided.contains(stage)) {
                    ConfigNode n = stageNodes.get(w.name() + "/" + op.name() + "/" + i);
                    throw n.errorAt("unknown stage '" + stage + "': " + w.className() + " provides "
                            + (provided.isEmpty() ? "no stages" : String.join(", ", new java.util.TreeSet<>(provided))));
                }
            }
        }
    }

    // ---------------------------------------------------------------- one workload

    private static WorkloadSpec workload(String name, ConfigNode node, Map<String, ConfigNode> stageNodes) {
        MapNode m = map(node);
        keys(m, "class", "description", "params", "operations", "rate", "rates", "steps", "sweep", "concurrency",
                "threads", "warmup", "duration", "timeout", "nightly");
        ConfigNode classNode = required(m, "class");
        String className = text(classNode);
        if (!CLASS.matcher(className).matches()) {
            throw classNode.errorAt("expected a Java class name such as com.example.CheckoutWorkload, got \"" + className + "\"");
        }
        Map<String, String> params = new TreeMap<>();
        if (m.get("params") != null) {
            for (Map.Entry<String, ConfigNode> p : map(m.get("params")).entries.entrySet()) {
                params.put(p.getKey(), scalar(p.getValue()).text);
            }
        }
        MapNode opsNode = map(required(m, "operations"));
        List<WorkloadSpec.Operation> ops = new ArrayList<>();
        for (Map.Entry<String, ConfigNode> e : opsNode.entries.entrySet()) {
            ops.add(operation(name, e.getKey(), e.getValue(), stageNodes));
        }
        if (ops.isEmpty()) {
            throw opsNode.errorAt("expected at least one operation");
        }
        long duration = m.get("duration") == null ? DEFAULT_DURATION : duration(m.get("duration"), false);
        List<WorkloadSpec.RatePlan> plans = new ArrayList<>();
        int given = 0;
        for (String k : List.of("rate", "rates", "steps")) {
            given += m.get(k) == null ? 0 : 1;
        }
        if (given > 1) {
            throw (m.get("steps") != null ? m.get("steps") : m.get("rates")).errorAt("give one of rate, rates and steps");
        }
        if (m.get("rate") != null) {
            plans.add(WorkloadSpec.RatePlan.constant(rate(m.get("rate"))));
        } else if (m.get("rates") != null) {
            ListNode l = list(m.get("rates"));
            for (ConfigNode r : l.items) {
                plans.add(WorkloadSpec.RatePlan.constant(rate(r)));
            }
            if (plans.isEmpty()) {
                throw l.errorAt("expected at least one rate");
            }
        } else if (m.get("steps") != null) {
            plans.add(steps(list(m.get("steps"))));
        }
        Optional<WorkloadSpec.Sweep> sweep = m.get("sweep") == null ? Optional.empty() : Optional.of(sweep(map(m.get("sweep"))));
        if (plans.isEmpty() && sweep.isEmpty()) {
            throw new BadInputException(m.file + ":" + m.line + ":" + m.column + ": " + m.path
                    + ": missing the target rate (give rate, rates, steps or sweep)");
        }
        int concurrency = m.get("concurrency") == null ? 1 : integer(m.get("concurrency"), 1);
        String threads = WorkloadSpec.PLATFORM;
        if (m.get("threads") != null) {
            threads = text(m.get("threads"));
            if (!threads.equals(WorkloadSpec.PLATFORM) && !threads.equals(WorkloadSpec.VIRTUAL)) {
                throw m.get("threads").errorAt("expected platform or virtual, got \"" + threads + "\"");
            }
        }
        long warmup = m.get("warmup") == null ? DEFAULT_WARMUP : duration(m.get("warmup"), true);
        long timeout = m.get("timeout") == null ? DEFAULT_TIMEOUT : duration(m.get("timeout"), false);
        boolean nightly = m.get("nightly") != null && bool(m.get("nightly"));
        String location = m.file + ":" + m.line + ":" + m.column;
        return new WorkloadSpec(name, location, className, params, ops, plans, sweep, concurrency, threads, warmup,
                duration, timeout, nightly);
    }

    private static WorkloadSpec.Operation operation(String workload, String name, ConfigNode node,
                                                    Map<String, ConfigNode> stageNodes) {
        MapNode m = map(node);
        keys(m, "weight", "stages");
        double weight = 1;
        if (m.get("weight") != null) {
            weight = number(m.get("weight"));
            if (!(weight > 0)) {
                throw m.get("weight").errorAt("expected a weight above 0, got " + scalar(m.get("weight")).text);
            }
        }
        if (m.get("stages") == null) {
            throw new BadInputException(m.file + ":" + m.line + ":" + m.column + ": " + m.path
                    + ": missing field 'stages' (the stages an operation runs, in order)");
        }
        ListNode l = list(m.get("stages"));
        if (l.items.isEmpty()) {
            throw l.errorAt("expected at least one stage");
        }
        List<WorkloadSpec.StageRef> stages = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ConfigNode s : l.items) {
            ConfigNode nameNode;
            double probability = 1;
            if (s instanceof MapNode sm) {
                keys(sm, "name", "probability");
                nameNode = required(sm, "name");
                if (sm.get("probability") != null) {
                    probability = number(sm.get("probability"));
                    if (!(probability > 0 && probability <= 1)) {
                        throw sm.get("probability").errorAt("expected a probability above 0 and at most 1, got "
                                + scalar(sm.get("probability")).text);
                    }
                }
            } else {
                nameNode = s;
            }
            String stage = text(nameNode);
            if (!seen.add(stage)) {
                throw nameNode.errorAt("stage '" + stage + "' is listed twice in operation '" + name + "'");
            }
            stageNodes.put(workload + "/" + name + "/" + stages.size(), nameNode);
            stages.add(new WorkloadSpec.StageRef(stage, probability));
        }
        return new WorkloadSpec.Operation(name, weight, stages);
    }

    private static WorkloadSpec.RatePlan steps(ListNode l) {
        List<WorkloadSpec.Step> steps = new ArrayList<>();
        List<String> label = new ArrayList<>();
        for (ConfigNode n : l.items) {
            MapNode m = map(n);
            keys(m, "rate", "for");
            double r = rate(required(m, "rate"));
            steps.add(new WorkloadSpec.Step(r, duration(required(m, "for"), false)));
            label.add(scalar(m.get("rate")).text);
        }
        if (steps.isEmpty()) {
            throw l.errorAt("expected at least one step");
        }
        return new WorkloadSpec.RatePlan(String.join("-", label), steps);
    }

    private static WorkloadSpec.Sweep sweep(MapNode m) {
        keys(m, "from", "to", "factor", "maxP99");
        double from = rate(required(m, "from"));
        double to = rate(required(m, "to"));
        if (to < from) {
            throw m.get("to").errorAt("expected a rate of at least from (" + scalar(m.get("from")).text + "), got "
                    + scalar(m.get("to")).text);
        }
        double factor = 2;
        if (m.get("factor") != null) {
            factor = number(m.get("factor"));
            if (!(factor > 1)) {
                throw m.get("factor").errorAt("expected a factor above 1, got " + scalar(m.get("factor")).text);
            }
        }
        double maxP99 = duration(required(m, "maxP99"), false);
        return new WorkloadSpec.Sweep(from, to, factor, maxP99);
    }

    // ---------------------------------------------------------------- typed access, located

    private static BadInputException at(MapNode m, String key, String what) {
        String path = m.path.isEmpty() ? key : m.path + "." + key;
        return new BadInputException(m.file + ":" + m.keyLines.get(key) + ":" + m.keyColumns.get(key) + ": " + path
                + ": " + what);
    }

    private static void keys(MapNode m, String... allowed) {
        List<String> ok = List.of(allowed);
        for (String k : m.entries.keySet()) {
            if (!ok.contains(k)) {
                throw at(m, k, "unknown field (expected one of " + String.join(", ", ok) + ")");
            }
        }
    }

    private static ConfigNode required(MapNode m, String key) {
        ConfigNode n = m.get(key);
        if (n == null) {
            throw new BadInputException(m.file + ":" + m.line + ":" + m.column + ": " + (m.path.isEmpty() ? "" : m.path + ": ")
                    + "missing field '" + key + "'");
        }
        return n;
    }

    private static MapNode map(ConfigNode n) {
        if (n instanceof MapNode m) {
            return m;
        }
        throw n.errorAt("expected a mapping (key: value lines), got " + n.describe());
    }

    private static ListNode list(ConfigNode n) {
        if (n instanceof ListNode l) {
            return l;
        }
        throw n.errorAt("expected a list, got " + n.describe());
    }

    private static Scalar scalar(ConfigNode n) {
        if (n instanceof Scalar s && !s.isNull()) {
            return s;
        }
        throw n.errorAt("expected a value, got " + n.describe());
    }

    private static String text(ConfigNode n) {
        Scalar s = scalar(n);
        if (s.token != JsonToken.VALUE_STRING) {
            throw n.errorAt("expected text, got " + s.describe());
        }
        return s.text;
    }

    private static double number(ConfigNode n) {
        Scalar s = scalar(n);
        if (!s.isNumber()) {
            throw n.errorAt("expected a number, got " + s.describe());
        }
        double d = Double.parseDouble(s.text.replace("_", ""));
        if (!Double.isFinite(d)) {
            throw n.errorAt("expected a finite number, got " + s.text);
        }
        return d;
    }

    /** Requests per second: above 0 (a rate of 0 would issue nothing) and at most a million. */
    private static double rate(ConfigNode n) {
        double r = number(n);
        if (!(r > 0) || r > 1_000_000) {
            throw n.errorAt("expected a rate above 0 and at most 1000000 requests per second, got " + scalar(n).text);
        }
        return r;
    }

    private static int integer(ConfigNode n, int min) {
        Scalar s = scalar(n);
        if (s.token != JsonToken.VALUE_NUMBER_INT) {
            throw n.errorAt("expected a whole number, got " + s.describe());
        }
        long v = Long.parseLong(s.text.replace("_", ""));
        if (v < min || v > 10_000) {
            throw n.errorAt("expected a whole number from " + min + " to 10000, got " + s.text);
        }
        return (int) v;
    }

    private static boolean bool(ConfigNode n) {
        Scalar s = scalar(n);
        if (s.token == JsonToken.VALUE_TRUE || s.token == JsonToken.VALUE_FALSE) {
            return s.token == JsonToken.VALUE_TRUE;
        }
        throw n.errorAt("expected true or false, got " + s.describe());
    }

    /** Milliseconds of a duration such as 500ms, 10s or 2m. */
    private static long duration(ConfigNode n, boolean zeroAllowed) {
        String t = scalar(n).text.trim();
        Matcher mt = DURATION.matcher(t);
        if (!mt.matches()) {
            throw n.errorAt("expected a duration such as 500ms, 10s or 2m, got " + scalar(n).describe());
        }
        long v = Long.parseLong(mt.group(1));
        long ms = switch (mt.group(2)) {
            case "ms" -> v;
            case "s" -> v * 1000;
            default -> v * 60_000;
        };
        if (ms == 0 && !zeroAllowed) {
            throw n.errorAt("expected a duration above 0, got " + scalar(n).describe());
        }
        return ms;
    }
}
