package io.benchledger.archive.analysis.budget;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.analysis.budget.Quantity.Dimension;
import io.benchledger.archive.analysis.budget.YamlNode.ListNode;
import io.benchledger.archive.analysis.budget.YamlNode.MapNode;
import io.benchledger.archive.analysis.budget.YamlNode.Scalar;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * The one syntax of budgets, wherever they are written: a suite's {@code criteria}, a
 * {@code check --budgets} file, {@code recommend --budget}. A list of mappings:
 * <pre>
 * - name: AES-GCM 1 MiB                          # optional label
 *   pattern: 'AesGcmBenchmark\.encrypt\[size=1048576\]@thrpt'   # regex found in the case key
 *   min_throughput: {target: 200MB/s, critical: 100MB/s}
 *   max_p99: 2ms                                 # a plain limit: one level
 *   max_regression: 10%
 *   baseline: last-release                       # for the max_*_regression criteria (default)
 * - pattern: 'workload\.transactions\[rate=1000\]'
 *   min_achieved_rate: {target: 95%, critical: 80%}   # a share of rate.target, or a rate (900 req/s)
 * </pre>
 * Names are snake_case; the camelCase spellings ({@code maxP99}) are read too. Every error names
 * the file, line and column.
 */
public final class BudgetSyntax {
    private static final List<String> OTHER_FIELDS = List.of("name", "pattern", "baseline");

    private BudgetSyntax() {
    }

    /** Reads a budget file: a YAML list of budgets (an empty file is an empty list). */
    public static List<Budget> read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return budgets(YamlNode.read(file.toString(), r));
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new BadInputException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** Reads budgets written inline, e.g. an option's value {@code {pattern: Aes, max_p99: 2ms}}; {@code source} names it in errors. */
    public static List<Budget> inline(String source, String text) {
        return budgets(YamlNode.read(source, new StringReader(text)));
    }

    /** Reads one budget or a list of budgets. */
    public static List<Budget> budgets(YamlNode node) {
        List<Budget> out = new ArrayList<>();
        if (node instanceof MapNode m) {
            out.add(budget(m));
        } else if (node instanceof ListNode l) {
            for (YamlNode item : l.items()) {
                if (!(item instanceof MapNode m)) {
                    throw item.where().error("expected a budget (a mapping with 'pattern: …')");
                }
                out.add(budget(m));
            }
        } else {
            throw node.where().error("expected a list of budgets ('- pattern: …')");
        }
        return out;
    }

    /** Reads one budget mapping. */
    public static Budget budget(MapNode m) {
        List<Limit> limits = new ArrayList<>();
        for (var e : m.entries().entrySet()) {
            String key = e.getKey();
            if (OTHER_FIELDS.contains(key)) {
                continue;
            }
            Criterion c = Criterion.named(key).orElseThrow(() -> m.keys().get(key).error("unknown field '" + key
                    + "' (expected " + String.join(", ", OTHER_FIELDS) + " or a criterion: " + criteria() + ")"));
            if (limits.stream().anyMatch(l -> l.criterion() == c)) {
                throw m.keys().get(key).error("'" + c.key() + "' given twice (as " + c.key() + " and " + c.camel() + ")");
            }
            limits.add(limit(c, e.getValue()));
        }
        Scalar patternNode = text(m, "pattern").orElseThrow(() ->
                m.where().error("budget without 'pattern' (a regular expression found in the case key)"));
        String pattern = patternNode.text();
        if (pattern.isBlank()) {
            throw patternNode.where().error("'pattern' is empty");
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException ex) {
            throw patternNode.where().error("'pattern' is not a valid regular expression: " + ex.getDescription());
        }
        if (limits.isEmpty()) {
            throw m.where().error("budget '" + pattern + "' sets no limit (" + criteria() + ")");
        }
        String name = text(m, "name").map(Scalar::text).orElse(pattern);
        String baseline = text(m, "baseline").map(Scalar::text).orElse(Budget.DEFAULT_BASELINE);
        return new Budget(name, pattern, limits, baseline, m.where());
    }

    /** A criterion's value: a quantity (one level) or {@code {target: …, critical: …}}. */
    static Limit limit(Criterion c, YamlNode node) {
        if (node instanceof MapNode m) {
            for (var k : m.keys().entrySet()) {
                if (!k.getKey().equals("target") && !k.getKey().equals("critical")) {
                    throw k.getValue().error("unknown level '" + k.getKey() + "' of " + c.key() + " (expected target, critical)");
                }
            }
            Optional<Quantity> target = Optional.ofNullable(m.get("target")).map(n -> quantity(c, n));
            Optional<Quantity> critical = Optional.ofNullable(m.get("critical")).map(n -> quantity(c, n));
            if (target.isEmpty() && critical.isEmpty()) {
                throw m.where().error(c.key() + ": expected target, critical or both");
            }
            if (target.isPresent() && critical.isPresent()) {
                if (target.get().dimension() != critical.get().dimension()) {
                    throw m.where().error(c.key() + ": target and critical are in different units");
                }
                double t = target.get().value();
                double k = critical.get().value();
                if (c.maximum() ? t > k : t < k) {
                    throw m.get("critical").where().error(c.key() + ": critical (" + critical.get() + ") must be "
                            + (c.maximum() ? "at or above" : "at or below") + " the target (" + target.get() + ")");
                }
            }
            return new Limit(c, target, critical, m.where());
        }
        return Limit.of(c, quantity(c, node), node.where());
    }

    static Quantity quantity(Criterion c, YamlNode node) {
        if (!(node instanceof Scalar s) || s.isNull()) {
            throw node.where().error(c.key() + ": expected a value such as " + example(c));
        }
        Quantity q;
        try {
            q = Quantity.parse(s.text());
        } catch (IllegalArgumentException e) {
            throw s.where().error(c.key() + ": " + e.getMessage());
        }
        if (!c.dimensions().contains(q.dimension())) {
            throw s.where().error(c.key() + ": '" + s.text() + "' is " + q.dimension().words() + "; " + c.key() + " takes "
                    + c.dimensions().stream().map(Dimension::words).collect(Collectors.joining(" or ")) + ", e.g. " + example(c));
        }
        if (c == Criterion.MAX_CPU && q.dimension() == Dimension.FRACTION) {
            q = new Quantity(q.value(), Dimension.CORES, q.text()); // 150% of one core = 1.5 cores, as top counts
        }
        if (c.fractional() && q.dimension() == Dimension.NUMBER) {
            q = new Quantity(q.value(), Dimension.FRACTION, q.text()); // 0.05 = 5%
        }
        if (c.share() && q.dimension() == Dimension.FRACTION && q.value() > 1) {
            throw s.where().error(c.key() + ": a share is at most 100%, got " + s.text());
        }
        return q;
    }

    private static String example(Criterion c) {
        return switch (c) {
            case MAX_MEAN, MAX_P99 -> "200us or 1.5ms";
            case MIN_THROUGHPUT -> "10k ops/s or 100MB/s";
            case MAX_ALLOCATION_PER_OP -> "1KiB";
            case MAX_RSS -> "512MB";
            case MAX_CPU -> "1.5 cores or 150%";
            case MAX_REGRESSION, MAX_RSS_REGRESSION -> "5%";
            case MIN_PASS_RATE -> "100%";
            case MIN_ACHIEVED_RATE -> "900 req/s or 95% (of the target rate)";
        };
    }

    private static Optional<Scalar> text(MapNode m, String key) {
        YamlNode n = m.get(key);
        if (n == null) {
            return Optional.empty();
        }
        if (!(n instanceof Scalar s) || s.isNull()) {
            throw n.where().error("'" + key + "' must be text");
        }
        return Optional.of(s);
    }

    static String criteria() {
        return Arrays.stream(Criterion.values()).map(Criterion::key).collect(Collectors.joining(", "));
    }
}
