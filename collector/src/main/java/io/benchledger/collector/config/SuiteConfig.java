package io.benchledger.collector.config;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.analysis.budget.Budget;
import io.benchledger.collector.config.ConfigNode.ListNode;
import io.benchledger.collector.config.ConfigNode.MapNode;
import io.benchledger.collector.config.ConfigNode.Scalar;
import io.benchledger.collector.config.JmhSettings.Setting;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A suite configuration file (YAML): suites, profiles and environments. See docs/configuration.md.
 * Everything is validated on load; an error names the file, the line and the field.
 *
 * <p>Layers combine in this order, later winning: JMH's defaults, {@code defaults}, the suite's
 * {@code jmh}, the group's {@code jmh}, the profile's {@code jmh}, the profile's entry for the suite,
 * the environment's {@code jmh}, the environment's entry for the suite, and last the JMH options
 * given on the command line after {@code --}.
 *
 * <p>Longer than 500 lines on purpose: the nested {@code Loader} checks every field of the format
 * (suites, groups, profiles, environments, JMH options, budgets, webhooks) in one place and in the
 * order docs/configuration.md describes them, with one error style (file, line, field); split by
 * section, the rules shared between sections (durations, names, JMH options) would be spread out.
 */
public final class SuiteConfig {
    /** The configuration shipped with benchledger (a class path resource). */
    public static final String DEFAULT_RESOURCE = "benchledger-suites.yaml";
    public static final String DEFAULT_PROFILE = "nightly";
    public static final int MIN_SAMPLE_SIZE = 10;
    static final Set<String> MODES = Set.of("thrpt", "avgt", "sample", "ss", "all");
    static final Set<String> TIME_UNITS = Set.of("ns", "us", "ms", "s", "m", "min");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ns|us|ms|s|m|min)");
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+_-]*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final String file;
    private final String defaultSuite;
    private final JmhSettings defaults;
    private final Map<String, Suite> suites;
    private final Map<String, Overrides> profiles;
    private final Map<String, Overrides> environments;
    private List<NotifyConfig.Entry> notify = List.of();

    private SuiteConfig(String file, String defaultSuite, JmhSettings defaults, Map<String, Suite> suites,
                        Map<String, Overrides> profiles, Map<String, Overrides> environments) {
        this.file = file;
        this.defaultSuite = defaultSuite;
        this.defaults = defaults;
        this.suites = suites;
        this.profiles = profiles;
        this.environments = environments;
    }

    public static SuiteConfig load(Path path) throws IOException {
        return ConfigFile.read(path, SuiteConfig::parse);
    }

    public static SuiteConfig loadDefault() throws IOException {
        return ConfigFile.readDefault(SuiteConfig::parse);
    }

    public static SuiteConfig parse(String file, Reader reader) throws IOException {
        ConfigNode root = ConfigNode.parse(file, reader);
        SuiteConfig c = new Loader().config(file, root);
        c.checkSampleSizes();
        return c;
    }

    public String file() {
        return file;
    }

    public String defaultSuite() {
        return defaultSuite;
    }

    public Map<String, Suite> suites() {
        return suites;
    }

    public Map<String, Overrides> profiles() {
        return profiles;
    }

    public Map<String, Overrides> environments() {
        return environments;
    }

    /** The webhooks of the top-level {@code notify:} list, as written. */
    public List<NotifyConfig.Entry> webhooks() {
        return notify;
    }

    /**
     * The suite to run with its settings combined.
     *
     * @param suiteRef {@code name} or {@code name:version} (the version must then match); empty: the default suite
     * @param profile a profile name; empty: {@code nightly} when the file defines it, else none
     * @param environment an environment name; empty: none
     */
    public ResolvedSuite resolve(String suiteRef, String profile, String environment) {
        String ref = suiteRef.isEmpty() ? defaultSuite : suiteRef;
        String name = ref;
        String version = "";
        int colon = ref.indexOf(':');
        if (colon >= 0) {
            name = ref.substring(0, colon);
            version = ref.substring(colon + 1);
        }
        Suite suite = suites.get(name);
        if (suite == null) {
            throw new BadInputException(file + ": no suite '" + name + "' (suites: " + String.join(", ", suites.keySet()) + ")");
        }
        if (!version.isEmpty() && !version.equals(suite.version())) {
            throw new BadInputException(file + ": suite '" + name + "' is version " + suite.version() + ", not " + version);
        }
        Overrides p = null;
        if (!profile.isEmpty()) {
            p = profiles.get(profile);
            if (p == null) {
                throw new BadInputException(file + ": no profile '" + profile + "' (profiles: "
                        + String.join(", ", profiles.keySet()) + ")");
            }
        } else if (profiles.containsKey(DEFAULT_PROFILE)) {
            p = profiles.get(DEFAULT_PROFILE);
        }
        Overrides env = null;
        if (!environment.isEmpty()) {
            env = environments.get(environment);
            if (env == null) {
                throw new BadInputException(file + ": no environment '" + environment + "' (environments: "
                        + (environments.isEmpty() ? "none" : String.join(", ", environments.keySet())) + ")");
            }
        }
        return combine(suite, p, env);
    }

    private ResolvedSuite combine(Suite suite, Overrides profile, Overrides env) {
        List<ResolvedSuite.Group> groups = new ArrayList<>();
        for (BenchmarkGroup g : suite.groups()) {
            JmhSettings s = defaults;
            s = suite.jmh().over(s);
            s = g.jmh().over(s);
            if (profile != null) {
                s = profile.jmh().over(s);
                s = profile.forSuite(suite.name()).over(s);
            }
            if (env != null) {
                s = env.jmh().over(s);
                s = env.forSuite(suite.name()).over(s);
            }
            s = g.pinnedJmh().over(s);
            groups.add(new ResolvedSuite.Group(g.name(), g, s));
        }
        double noise = suite.noiseThreshold();
        if (profile != null && profile.noiseThreshold().isPresent()) {
            noise = profile.noiseThreshold().getAsDouble();
        }
        if (env != null && env.noiseThreshold().isPresent()) {
            noise = env.noiseThreshold().getAsDouble();
        }
        return new ResolvedSuite(suite, profile == null ? "" : profile.name(), env == null ? "" : env.name(), groups, noise);
    }

    /** Every suite, group, profile and environment combination must give at least 10 samples per case. */
    private void checkSampleSizes() {
        List<String> ps = new ArrayList<>(profiles.keySet());
        if (ps.isEmpty()) {
            ps.add("");
        }
        List<String> es = new ArrayList<>(environments.keySet());
        es.add(0, "");
        for (String suite : suites.keySet()) {
            for (String p : ps) {
                for (String e : es) {
                    for (ResolvedSuite.Group g : resolve(suite, p, e).groups()) {
                        JmhSettings s = g.jmh();
                        long n = (long) s.forks() * s.measurementIterations();
                        if (n < MIN_SAMPLE_SIZE) {
                            Setting at = s.setting(JmhSettings.MEASUREMENT_ITERATIONS)
                                    .or(() -> s.setting(JmhSettings.FORKS)).orElse(null);
                            String where = at == null ? file + ":1: " : at.node().file + ":" + at.node().line + ": " + at.node().path + ": ";
                            throw new BadInputException(where + "sample size forks x measurementIterations = " + s.forks()
                                    + " x " + s.measurementIterations() + " = " + n + " is below " + MIN_SAMPLE_SIZE
                                    + " (suite " + suite + ", group " + g.name()
                                    + (p.isEmpty() ? "" : ", profile " + p) + (e.isEmpty() ? "" : ", environment " + e) + ")");
                        }
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- reading the tree

    /** Turns the located tree into the model, checking keys, types and ranges as it goes. */
    private static final class Loader {
        private String file;

        SuiteConfig config(String file, ConfigNode root) {
            this.file = file;
            MapNode m = map(root);
            keys(m, "defaultSuite", "defaults", "suites", "profiles", "environments", "notify", "workloads"); // workloads: WorkloadsSection
            JmhSettings defaults = JmhSettings.empty();
            if (m.get("defaults") != null) {
                MapNode d = map(m.get("defaults"));
                keys(d, "jmh");
                defaults = jmh(d.get("jmh"));
            }
            MapNode suitesNode = map(required(m, "suites"));
            Map<String, Suite> suites = new LinkedHashMap<>();
            for (Map.Entry<String, ConfigNode> e : suitesNode.entries.entrySet()) {
                suites.put(name(e.getKey(), e.getValue()), suite(e.getKey(), e.getValue()));
            }
            if (suites.isEmpty()) {
                throw suitesNode.error("expected at least one suite");
            }
            String defaultSuite;
            if (m.get("defaultSuite") != null) {
                Scalar ds = scalar(m.get("defaultSuite"));
                defaultSuite = ds.text;
                if (!suites.containsKey(defaultSuite)) {
                    throw ds.error("no suite named '" + defaultSuite + "' (suites: " + String.join(", ", suites.keySet()) + ")");
                }
            } else {
                defaultSuite = suites.keySet().iterator().next();
            }
            Map<String, Overrides> profiles = overridesMap(m.get("profiles"), suites.keySet());
            Map<String, Overrides> environments = overridesMap(m.get("environments"), suites.keySet());
            SuiteConfig c = new SuiteConfig(file, defaultSuite, defaults, suites, profiles, environments);
            c.notify = NotifyConfig.read(m.get("notify"));
            return c;
        }

        private Suite suite(String name, ConfigNode node) {
            MapNode m = map(node);
            keys(m, "version", "description", "jmh", "groups", "include", "exclude", "criteria", "directions",
                    "noiseThreshold", "noise", SuiteMeasures.BYTES_PARAM, SuiteMeasures.BYTES_BENCHMARKS,
                    SuiteMeasures.GATE_ON_TAIL, SuiteMeasures.GATE_METRICS, "recommendations");
            String version = text(required(m, "version"));
            if (!VERSION.matcher(version).matches()) {
                throw m.get("version").error("expected a version such as 1.0.0, got \"" + version + "\"");
            }
            String description = m.get("description") == null ? "" : text(m.get("description"));
            JmhSettings jmh = jmh(m.get("jmh"));
            List<BenchmarkGroup> groups = new ArrayList<>();
            if (m.get("groups") != null) {
                if (m.get("include") != null || m.get("exclude") != null) {
                    throw m.get("groups").error("give either groups or include/exclude, not both");
                }
                ListNode l = list(m.get("groups"));
                Set<String> names = new java.util.HashSet<>();
                for (ConfigNode g : l.items) {
                    BenchmarkGroup bg = group(g);
                    if (!names.add(bg.name())) {
                        throw g.error("group name '" + bg.name() + "' is used twice");
                    }
                    groups.add(bg);
                }
                if (groups.isEmpty()) {
                    throw l.error("expected at least one group");
                }
            } else {
                if (m.get("include") == null) {
                    throw m.error("expected include (benchmark name patterns) or groups");
                }
                groups.add(new BenchmarkGroup(name, patterns(m.get("include")), patterns(m.get("exclude")), JmhSettings.empty()));
            }
            List<Budget> criteria = CriteriaSection.criteria(m.get("criteria"));
            List<DirectionRule> directions = new ArrayList<>();
            if (m.get("directions") != null) {
                for (ConfigNode d : list(m.get("directions")).items) {
                    MapNode dm = map(d);
                    keys(dm, "pattern", "metric", "higherIsBetter");
                    directions.add(new DirectionRule(pattern(required(dm, "pattern")),
                            dm.get("metric") == null ? "" : text(dm.get("metric")), bool(required(dm, "higherIsBetter"))));
                }
            }
            double noise = m.get("noiseThreshold") == null ? 0.0 : fraction(m.get("noiseThreshold"));
            List<NoiseRule> noiseRules = new ArrayList<>();
            if (m.get("noise") != null) {
                for (ConfigNode n : list(m.get("noise")).items) {
                    MapNode nm = map(n);
                    keys(nm, "pattern", "threshold");
                    noiseRules.add(new NoiseRule(pattern(required(nm, "pattern")), fraction(required(nm, "threshold"))));
                }
            }
            return new Suite(name, version, description, jmh, groups, criteria, directions, noise, noiseRules,
                    SuiteMeasures.read(m), CriteriaSection.recommendations(m.get("recommendations")));
        }

        private BenchmarkGroup group(ConfigNode node) {
            MapNode m = map(node);
            keys(m, "name", "include", "exclude", "jmh", "pinnedJmh");
            String name = name(text(required(m, "name")), m.get("name"));
            return new BenchmarkGroup(name, patterns(required(m, "include")), patterns(m.get("exclude")), jmh(m.get("jmh")),
                    jmh(m.get("pinnedJmh")));
        }

        private Map<String, Overrides> overridesMap(ConfigNode node, Set<String> suiteNames) {
            Map<String, Overrides> out = new LinkedHashMap<>();
            if (node == null) {
                return out;
            }
            for (Map.Entry<String, ConfigNode> e : map(node).entries.entrySet()) {
                MapNode m = map(e.getValue());
                String name = name(e.getKey(), e.getValue());
                keys(m, "description", "jmh", "suites", "noiseThreshold");
                Map<String, JmhSettings> perSuite = new TreeMap<>();
                if (m.get("suites") != null) {
                    for (Map.Entry<String, ConfigNode> s : map(m.get("suites")).entries.entrySet()) {
                        if (!suiteNames.contains(s.getKey())) {
                            throw s.getValue().error("no suite named '" + s.getKey() + "' (suites: "
                                    + String.join(", ", suiteNames) + ")");
                        }
                        MapNode sm = map(s.getValue());
                        keys(sm, "jmh");
                        perSuite.put(s.getKey(), jmh(sm.get("jmh")));
                    }
                }
                OptionalDouble noise = m.get("noiseThreshold") == null ? OptionalDouble.empty()
                        : OptionalDouble.of(fraction(m.get("noiseThreshold")));
                out.put(name, new Overrides(name, m.get("description") == null ? "" : text(m.get("description")),
                        jmh(m.get("jmh")), perSuite, noise));
            }
            return out;
        }

        private JmhSettings jmh(ConfigNode node) {
            if (node == null) {
                return JmhSettings.empty();
            }
            MapNode m = map(node);
            keys(m, JmhSettings.FIELDS.toArray(new String[0]));
            Map<String, Setting> v = new LinkedHashMap<>();
            for (Map.Entry<String, ConfigNode> e : m.entries.entrySet()) {
                ConfigNode n = e.getValue();
                Object value;
                switch (e.getKey()) {
                    case JmhSettings.FORKS:
                    case JmhSettings.MEASUREMENT_ITERATIONS:
                        value = integer(n, 1);
                        break;
                    case JmhSettings.WARMUP_ITERATIONS:
                        value = integer(n, 0);
                        break;
                    case JmhSettings.WARMUP_TIME:
                    case JmhSettings.MEASUREMENT_TIME:
                        value = duration(n);
                        break;
                    case JmhSettings.THREADS: {
                        List<Integer> threads = new ArrayList<>();
                        if (n instanceof ListNode l) {
                            for (ConfigNode t : l.items) {
                                threads.add(integer(t, 1));
                            }
                            if (threads.isEmpty()) {
                                throw n.error("expected at least one thread count");
                            }
                        } else {
                            threads.add(integer(n, 1));
                        }
                        value = List.copyOf(threads);
                        break;
                    }
                    case JmhSettings.PARAMS: {
                        Map<String, List<String>> params = new TreeMap<>();
                        for (Map.Entry<String, ConfigNode> p : map(n).entries.entrySet()) {
                            List<String> values = new ArrayList<>();
                            if (p.getValue() instanceof ListNode l) {
                                for (ConfigNode x : l.items) {
                                    values.add(scalarText(x));
                                }
                            } else {
                                values.add(scalarText(p.getValue()));
                            }
                            if (values.isEmpty()) {
                                throw p.getValue().error("expected at least one value");
                            }
                            for (int i = 0; i < values.size(); i++) {
                                if (values.get(i).contains(",")) {
                                    throw p.getValue().error("a parameter value cannot contain a comma (JMH separates values with commas)");
                                }
                            }
                            params.put(p.getKey(), List.copyOf(values));
                        }
                        value = params;
                        break;
                    }
                    case JmhSettings.PROFILERS:
                    case JmhSettings.JVM_ARGS: {
                        List<String> l = new ArrayList<>();
                        for (ConfigNode x : list(n).items) {
                            l.add(text(x));
                        }
                        value = List.copyOf(l);
                        break;
                    }
                    case JmhSettings.MODE:
                        value = oneOf(n, MODES);
                        break;
                    default: // TIME_UNIT
                        value = oneOf(n, TIME_UNITS);
                        break;
                }
                v.put(e.getKey(), new Setting(value, n.file + ":" + n.line, n));
            }
            return new JmhSettings(v);
        }

        // ------------------------------------------------------------ typed access

        private MapNode map(ConfigNode n) {
            if (n instanceof MapNode m) {
                return m;
            }
            throw n.error("expected a mapping (key: value lines), got " + n.describe());
        }

        private ListNode list(ConfigNode n) {
            if (n instanceof ListNode l) {
                return l;
            }
            throw n.error("expected a list, got " + n.describe());
        }

        private Scalar scalar(ConfigNode n) {
            if (n instanceof Scalar s && !s.isNull()) {
                return s;
            }
            throw n.error("expected a value, got " + n.describe());
        }

        private ConfigNode required(MapNode m, String key) {
            ConfigNode n = m.get(key);
            if (n == null) {
                throw new BadInputException(file + ":" + m.line + ": " + (m.path.isEmpty() ? "" : m.path + ": ")
                        + "missing field '" + key + "'");
            }
            return n;
        }

        private void keys(MapNode m, String... allowed) {
            List<String> ok = List.of(allowed);
            for (Map.Entry<String, ConfigNode> e : m.entries.entrySet()) {
                if (!ok.contains(e.getKey())) {
                    String path = m.path.isEmpty() ? e.getKey() : m.path + "." + e.getKey();
                    throw new BadInputException(file + ":" + m.keyLines.get(e.getKey()) + ": " + path
                            + ": unknown field (expected one of " + String.join(", ", ok) + ")");
                }
            }
        }

        private String text(ConfigNode n) {
            Scalar s = scalar(n);
            if (s.token != com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
                throw n.error("expected text, got " + s.describe());
            }
            return s.text;
        }

        /** Text, or a number or boolean taken as its text (parameter values such as 1024). */
        private String scalarText(ConfigNode n) {
            return scalar(n).text;
        }

        private String name(String name, ConfigNode n) {
            if (!NAME.matcher(name).matches()) {
                throw n.error("expected a name of letters, digits, '.', '_' or '-', got \"" + name + "\"");
            }
            return name;
        }

        private int integer(ConfigNode n, int min) {
            Scalar s = scalar(n);
            if (s.token != com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT) {
                throw n.error("expected a whole number, got " + s.describe());
            }
            long v;
            try {
                v = Long.parseLong(s.text.replace("_", ""));
            } catch (NumberFormatException e) {
                throw n.error("expected a whole number, got " + s.describe());
            }
            if (v < min || v > Integer.MAX_VALUE) {
                throw n.error("expected a whole number of at least " + min + ", got " + s.text);
            }
            return (int) v;
        }

        private double number(ConfigNode n) {
            Scalar s = scalar(n);
            if (!s.isNumber()) {
                throw n.error("expected a number, got " + s.describe());
            }
            double d = Double.parseDouble(s.text);
            if (!Double.isFinite(d)) {
                throw n.error("expected a finite number, got " + s.text);
            }
            return d;
        }

        private double fraction(ConfigNode n) {
            double d = number(n);
            if (d < 0 || d > 10) {
                throw n.error("expected a fraction such as 0.05 (5 %), got " + scalar(n).text);
            }
            return d;
        }

        private boolean bool(ConfigNode n) {
            Scalar s = scalar(n);
            if (s.token == com.fasterxml.jackson.core.JsonToken.VALUE_TRUE) {
                return true;
            }
            if (s.token == com.fasterxml.jackson.core.JsonToken.VALUE_FALSE) {
                return false;
            }
            throw n.error("expected true or false, got " + s.describe());
        }

        private String duration(ConfigNode n) {
            String t = scalarText(n).trim();
            java.util.regex.Matcher mt = DURATION.matcher(t);
            if (!mt.matches()) {
                throw n.error("expected a duration such as 1s or 200ms (ns, us, ms, s, m, min), got " + scalar(n).describe());
            }
            if (Long.parseLong(mt.group(1)) == 0) {
                throw n.error("expected a duration above 0, got " + scalar(n).describe());
            }
            return mt.group(1) + mt.group(2);
        }

        private String oneOf(ConfigNode n, Set<String> allowed) {
            String t = text(n);
            if (!allowed.contains(t)) {
                throw n.error("expected one of " + String.join(", ", new java.util.TreeSet<>(allowed)) + ", got \"" + t + "\"");
            }
            return t;
        }

        private Pattern pattern(ConfigNode n) {
            String t = text(n);
            try {
                return Pattern.compile(t);
            } catch (PatternSyntaxException e) {
                throw n.error("not a valid regular expression (" + e.getDescription() + " near index " + e.getIndex() + ")");
            }
        }

        private List<Pattern> patterns(ConfigNode n) {
            List<Pattern> out = new ArrayList<>();
            if (n == null) {
                return out;
            }
            if (n instanceof ListNode l) {
                for (ConfigNode x : l.items) {
                    out.add(pattern(x));
                }
            } else {
                out.add(pattern(n));
            }
            return out;
        }
    }
}
