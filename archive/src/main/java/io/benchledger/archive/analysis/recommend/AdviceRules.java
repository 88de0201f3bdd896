package io.benchledger.archive.analysis.recommend;

import io.benchledger.archive.analysis.budget.Budget;
import io.benchledger.archive.analysis.budget.BudgetSyntax;
import io.benchledger.archive.analysis.budget.Criterion;
import io.benchledger.archive.analysis.budget.Limit;
import io.benchledger.archive.analysis.budget.Quantity;
import io.benchledger.archive.analysis.budget.YamlNode;
import io.benchledger.archive.analysis.budget.YamlNode.ListNode;
import io.benchledger.archive.analysis.budget.YamlNode.MapNode;
import io.benchledger.archive.analysis.budget.YamlNode.Scalar;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The recommendation rules of a suite: the thresholds of the built-in rules and domain rules
 * stated in units. In the suite YAML ({@code recommendations:}):
 * <pre>
 * thresholds: {max_cv: 5%, tail_ratio: 5, allocation_high: 1KiB, allocation_growth: 10%, efficiency: 0.7, budget_margin: 10%}
 * rules:
 *   - name: key generation
 *     pattern: 'KeyGen'
 *     when: mean > 10ms            # mean, p99, allocation, rss, cpu (>) or throughput (<), efficiency (<)
 *     priority: high               # critical, high, medium, low (default high)
 *     advice: cache the key pairs
 * </pre>
 */
public record AdviceRules(Thresholds thresholds, List<DomainRule> rules) {
    public AdviceRules {
        rules = List.copyOf(rules);
    }

    /**
     * A rule stated in units: fires for the cases (or, for efficiency, the thread-count families)
     * whose key the pattern finds and whose value is beyond the limit.
     *
     * @param budget the condition as a one-level budget (null for an efficiency rule)
     * @param efficiency the efficiency limit of an efficiency rule, NaN otherwise
     */
    public record DomainRule(String name, String pattern, String when, Budget budget, double efficiency,
                             Priority priority, String advice) {
    }

    public static AdviceRules defaults() {
        return new AdviceRules(Thresholds.defaults(), List.of());
    }

    private static final Pattern WHEN = Pattern.compile("\\s*([a-z_]+)\\s*([<>])\\s*(.+?)\\s*");
    private static final Map<String, Criterion> MEASURES = Map.of("mean", Criterion.MAX_MEAN, "p99", Criterion.MAX_P99,
            "throughput", Criterion.MIN_THROUGHPUT, "allocation", Criterion.MAX_ALLOCATION_PER_OP, "rss", Criterion.MAX_RSS,
            "cpu", Criterion.MAX_CPU);
    private static final List<String> THRESHOLDS = List.of("max_cv", "target_precision", "bimodality", "min_samples_for_shape",
            "tail_ratio", "allocation_high", "allocation_growth", "efficiency", "budget_margin");

    /** Reads inline YAML (an option's value); {@code source} names it in errors. */
    public static AdviceRules parse(String source, String text) {
        return parse(YamlNode.read(source, new StringReader(text)));
    }

    public static AdviceRules parse(YamlNode node) {
        if (!(node instanceof MapNode m)) {
            throw node.where().error("expected a mapping with thresholds and rules");
        }
        for (var k : m.keys().entrySet()) {
            if (!k.getKey().equals("thresholds") && !k.getKey().equals("rules")) {
                throw k.getValue().error("unknown field '" + k.getKey() + "' (expected thresholds, rules)");
            }
        }
        Thresholds t = m.get("thresholds") == null ? Thresholds.defaults() : thresholds(m.get("thresholds"));
        List<DomainRule> rules = new ArrayList<>();
        if (m.get("rules") != null) {
            if (!(m.get("rules") instanceof ListNode l)) {
                throw m.get("rules").where().error("expected a list of rules ('- name: …')");
            }
            for (YamlNode n : l.items()) {
                rules.add(rule(n));
            }
        }
        return new AdviceRules(t, rules);
    }

    private static Thresholds thresholds(YamlNode node) {
        if (!(node instanceof MapNode m)) {
            throw node.where().error("expected a mapping of thresholds");
        }
        Thresholds d = Thresholds.defaults();
        double[] v = {d.maxCv(), d.targetPrecision(), d.bimodality(), d.minSamplesForShape(), d.tailRatio(),
                d.allocationHigh(), d.allocationGrowth(), d.efficiency(), d.budgetMargin()};
        for (var e : m.entries().entrySet()) {
            String key = camelToSnake(e.getKey());
            int i = THRESHOLDS.indexOf(key);
            if (i < 0) {
                throw m.keys().get(e.getKey()).error("unknown threshold '" + e.getKey() + "' (expected " + String.join(", ", THRESHOLDS) + ")");
            }
            Quantity q = quantity(e.getValue());
            boolean bytes = key.equals("allocation_high");
            if (bytes ? q.dimension() != Quantity.Dimension.BYTES && q.dimension() != Quantity.Dimension.NUMBER
                    : q.dimension() != Quantity.Dimension.FRACTION && q.dimension() != Quantity.Dimension.NUMBER) {
                throw e.getValue().where().error(key + ": expected " + (bytes ? "a size such as 1KiB" : "a number or a percentage"));
            }
            v[i] = q.value();
        }
        return new Thresholds(v[0], v[1], v[2], (int) v[3], v[4], v[5], v[6], v[7], v[8]);
    }

    private static DomainRule rule(YamlNode node) {
        if (!(node instanceof MapNode m)) {
            throw node.where().error("expected a rule (name, pattern, when, priority, advice)");
        }
        for (var k : m.keys().entrySet()) {
            if (!List.of("name", "pattern", "when", "priority", "advice").contains(k.getKey())) {
                throw k.getValue().error("unknown field '" + k.getKey() + "' (expected name, pattern, when, priority, advice)");
            }
        }
        Scalar when = text(m, "when", true);
        String pattern = text(m, "pattern", true).text();
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw m.get("pattern").where().error("'pattern' is not a valid regular expression: " + e.getDescription());
        }
        String name = m.get("name") == null ? when.text() : text(m, "name", false).text();
        Priority priority;
        try {
            priority = m.get("priority") == null ? Priority.HIGH : Priority.parse(text(m, "priority", false).text());
        } catch (IllegalArgumentException e) {
            throw m.get("priority").where().error("priority: expected critical, high, medium or low");
        }
        String advice = m.get("advice") == null ? "" : text(m, "advice", false).text();
        Matcher w = WHEN.matcher(when.text());
        if (!w.matches()) {
            throw when.where().error("when: expected 'MEASURE > VALUE' or 'MEASURE < VALUE', e.g. 'mean > 10ms', "
                    + "'throughput < 100MB/s', 'efficiency < 0.7'");
        }
        String measure = w.group(1);
        boolean greater = w.group(2).equals(">");
        if (measure.equals("efficiency")) {
            if (greater) {
                throw when.where().error("when: efficiency is judged from below ('efficiency < 0.7')");
            }
            Quantity q = quantity(new Scalar(when.where(), w.group(3), false, false));
            return new DomainRule(name, pattern, when.text(), null, q.value(), priority, advice);
        }
        Criterion c = MEASURES.get(measure);
        if (c == null) {
            throw when.where().error("when: unknown measure '" + measure + "' (expected mean, p99, throughput, allocation, "
                    + "rss, cpu, efficiency)");
        }
        if (c.maximum() != greater) {
            throw when.where().error("when: " + measure + " is judged with '" + (c.maximum() ? ">" : "<") + "'");
        }
        Limit limit = BudgetSyntax.budget(new MapNode(m.where(), Map.of("pattern", m.get("pattern"), c.key(),
                new Scalar(when.where(), w.group(3), false, false)), Map.of("pattern", m.where(), c.key(), when.where())))
                .limits().get(0);
        return new DomainRule(name, pattern, when.text(), new Budget(name, pattern, List.of(limit), Budget.DEFAULT_BASELINE,
                m.where()), Double.NaN, priority, advice);
    }

    private static Quantity quantity(YamlNode n) {
        if (!(n instanceof Scalar s) || s.isNull()) {
            throw n.where().error("expected a value");
        }
        try {
            return Quantity.parse(s.text());
        } catch (IllegalArgumentException e) {
            throw s.where().error(e.getMessage());
        }
    }

    private static Scalar text(MapNode m, String key, boolean required) {
        YamlNode n = m.get(key);
        if (n == null) {
            throw m.where().error("rule without '" + key + "'");
        }
        if (!(n instanceof Scalar s) || s.isNull()) {
            throw n.where().error("'" + key + "' must be text");
        }
        return s;
    }

    private static String camelToSnake(String s) {
        return s.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
