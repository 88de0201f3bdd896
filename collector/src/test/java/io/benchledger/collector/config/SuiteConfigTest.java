package io.benchledger.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.analysis.budget.Criterion;
import io.benchledger.archive.analysis.budget.Budget;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuiteConfigTest {
    static SuiteConfig parse(String yaml) throws IOException {
        return SuiteConfig.parse("my.yaml", new StringReader(yaml));
    }

    static final String LAYERED = String.join("\n",
            "defaultSuite: web",                               // 1
            "defaults:",                                       // 2
            "  jmh:",                                          // 3
            "    forks: 2",                                    // 4
            "    warmupIterations: 3",                         // 5
            "    measurementIterations: 10",                   // 6
            "    measurementTime: 2s",                         // 7
            "suites:",                                         // 8
            "  web:",                                          // 9
            "    version: 2.1.0",                              // 10
            "    description: Web tier",                       // 11
            "    noiseThreshold: 0.05",                        // 12
            "    jmh:",                                        // 13
            "      timeUnit: us",                              // 14
            "      params: {size: [1, 2], depth: 3}",          // 15
            "    groups:",                                     // 16
            "      - name: handlers",                          // 17
            "        include: ['Handler']",                    // 18
            "        exclude: ['Slow']",                       // 19
            "        jmh:",                                    // 20
            "          threads: [1, 4]",                       // 21
            "          profilers: [gc]",                       // 22
            "    criteria:",                                   // 23
            "      - pattern: 'Handler\\.get'",                // 24
            "        maxP99: 250",                             // 25
            "        maxAllocationPerOp: 512",                 // 26
            "      - pattern: 'Handler'",                      // 27
            "        maxRegression: 0.1",                      // 28
            "    directions:",                                 // 29
            "      - pattern: 'errorsPerSecond'",              // 30
            "        higherIsBetter: false",                   // 31
            "    noise:",                                      // 32
            "      - pattern: 'Flaky'",                        // 33
            "        threshold: 0.2",                          // 34
            "profiles:",                                       // 35
            "  nightly:",                                      // 36
            "    jmh: {forks: 3, measurementTime: 1s}",        // 37
            "  quick:",                                        // 38
            "    jmh: {forks: 1, warmupIterations: 1}",        // 39
            "    suites:",                                     // 40
            "      web:",                                      // 41
            "        jmh: {params: {size: [1]}}",              // 42
            "environments:",                                   // 43
            "  ci:",                                           // 44
            "    noiseThreshold: 0.1",                         // 45
            "    jmh: {forks: 4, threads: [2]}",               // 46
            "    suites:",                                     // 47
            "      web:",                                      // 48
            "        jmh: {warmupIterations: 7}",              // 49
            "");

    @Test
    void layersCombineInTheDocumentedOrder() throws IOException {
        SuiteConfig c = parse(LAYERED);
        // no profile named: nightly; no environment
        JmhSettings nightly = c.resolve("", "", "").groups().get(0).jmh();
        assertThat(nightly.forks()).isEqualTo(3);                 // nightly over defaults
        assertThat(nightly.warmupIterations()).isEqualTo(3);      // defaults
        assertThat(nightly.measurementTime()).isEqualTo("1s");    // nightly over defaults
        assertThat(nightly.threads()).containsExactly(1, 4);      // group
        assertThat(nightly.timeUnit()).isEqualTo("us");           // suite
        assertThat(nightly.warmupTime()).isEqualTo("10s");        // JMH's default
        assertThat(nightly.params()).isEqualTo(Map.of("size", List.of("1", "2"), "depth", List.of("3")));
        assertThat(nightly.origin("forks")).isEqualTo("my.yaml:37");

        ResolvedSuite quickCi = c.resolve("web:2.1.0", "quick", "ci");
        JmhSettings s = quickCi.groups().get(0).jmh();
        assertThat(s.forks()).isEqualTo(4);                       // environment over profile
        assertThat(s.warmupIterations()).isEqualTo(7);            // environment's suite entry over all
        assertThat(s.threads()).containsExactly(2);               // environment over group
        assertThat(s.params()).isEqualTo(Map.of("size", List.of("1"), "depth", List.of("3"))); // per name
        assertThat(s.measurementTime()).isEqualTo("2s");          // defaults (quick does not set it)
        assertThat(s.profilers()).containsExactly("gc");
        assertThat(s.toJmhOptions(2)).containsExactly("-f", "4", "-wi", "7", "-w", "10s", "-i", "10", "-r", "2s",
                "-t", "2", "-tu", "us", "-prof", "gc", "-p", "depth=3", "-p", "size=1");
        assertThat(quickCi.noiseThreshold()).isEqualTo(0.1);
        assertThat(quickCi.noiseThreshold("a.FlakyBench.x")).isEqualTo(0.2);
        assertThat(quickCi.environment()).isEqualTo("ci");
        assertThat(quickCi.profile()).isEqualTo("quick");
        assertThat(quickCi.suite().reference()).isEqualTo("web:2.1.0");
        assertThat(c.resolve("web", "quick", "").noiseThreshold()).isEqualTo(0.05);

        BenchmarkGroup g = quickCi.groups().get(0).selection();
        assertThat(g.selects("a.b.HandlerBench.get")).isTrue();
        assertThat(g.selects("a.b.SlowHandlerBench.get")).isFalse();
        assertThat(g.selects("a.b.Other.get")).isFalse();
        assertThat(quickCi.directionFor("x.Y.errorsPerSecond", "primary", true)).isFalse();
        assertThat(quickCi.directionFor("x.Y.other", "primary", true)).isTrue();
    }

    @Test
    void criteriaBecomeBudgets() throws IOException {
        List<Budget> b = parse(LAYERED).resolve("web", "", "").budgets();
        assertThat(b).hasSize(2);
        assertThat(b.get(0).pattern()).isEqualTo("Handler\\.get");
        assertThat(b.get(0).limit(Criterion.MAX_P99).orElseThrow().critical().orElseThrow().value()).isEqualTo(250.0);
        assertThat(b.get(0).limit(Criterion.MAX_ALLOCATION_PER_OP).orElseThrow().critical().orElseThrow().value()).isEqualTo(512.0);
        assertThat(b.get(0).limit(Criterion.MIN_THROUGHPUT)).isEmpty();
        assertThat(b.get(0).baseline()).isEqualTo("last-release");
        assertThat(b.get(1).limit(Criterion.MAX_REGRESSION).orElseThrow().critical().orElseThrow().value()).isEqualTo(0.1);
        assertThat(b.get(1).baseline()).isEqualTo("last-release");
        // the criteria are read by the budget parser: its errors name the line and column in the suite file
        assertThatThrownBy(() -> parse(LAYERED.replace("maxP99: 250", "maxP99: 250 furlongs")))
                .isInstanceOf(BadInputException.class).hasMessageMatching("my\\.yaml:\\d+:\\d+: max_p99: unknown unit 'furlongs'.*");
    }

    static void fails(String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(BadInputException.class).hasMessage(message);
    }

    static final String MINIMAL_HEAD = "suites:\n  s:\n    version: 1.0.0\n    include: ['x']\n";

    @Test
    void exactMessages() throws IOException {
        fails(LAYERED.replace("    noiseThreshold: 0.05", "    noiseTreshold: 0.05"),
                "my.yaml:12: suites.web.noiseTreshold: unknown field (expected one of version, description, jmh, groups,"
                        + " include, exclude, criteria, directions, noiseThreshold, noise, bytesParam, bytesBenchmarks, gateOnTail, gateMetrics, recommendations)");
        fails(MINIMAL_HEAD + "    bytesParam: 1024\n",
                "my.yaml:5: suites.s.bytesParam: expected the name of a JMH @Param field such as size, got 1024");
        fails(MINIMAL_HEAD + "    gateMetrics: gc.count\n",
                "my.yaml:5: suites.s.gateMetrics: expected a list of metric names such as [primary, gc.alloc.rate.norm], got \"gc.count\"");
        fails(MINIMAL_HEAD + "    gateMetrics: [primary, 'gc count']\n",
                "my.yaml:5: suites.s.gateMetrics[1]: expected a metric name such as gc.count or proc.*, got \"gc count\"");
        assertThat(parse(MINIMAL_HEAD + "    gateMetrics: [primary, gc.count, 'proc.*']\n").suites().get("s").measures().gateMetrics())
                .containsExactly("primary", "gc.count", "proc.*");
        assertThat(parse(MINIMAL_HEAD).suites().get("s").measures().gateMetrics()).isEmpty();
        fails(MINIMAL_HEAD + "    gateOnTail: sometimes\n",
                "my.yaml:5: suites.s.gateOnTail: expected true or false, got \"sometimes\"");
        fails(LAYERED.replace("    forks: 2", "    forks: two"),
                "my.yaml:4: defaults.jmh.forks: expected a whole number, got \"two\"");
        fails(LAYERED.replace("    measurementTime: 2s", "    measurementTime: -2s"),
                "my.yaml:7: defaults.jmh.measurementTime: expected a duration such as 1s or 200ms (ns, us, ms, s, m, min), got \"-2s\"");
        fails(LAYERED.replace("threads: [1, 4]", "threads: [1, 0]"),
                "my.yaml:21: suites.web.groups[0].jmh.threads[1]: expected a whole number of at least 1, got 0");
        fails(LAYERED.replace("        maxP99: 250", "        maxP99: -250"),
                "my.yaml:25:17: max_p99: expected a number with an optional unit (200us, 64MB, 100MB/s, 10k ops/s, 5%), got '-250'");
        fails(LAYERED.replace("include: ['Handler']", "include: ['Handler(']"),
                "my.yaml:18: suites.web.groups[0].include[0]: not a valid regular expression (Unclosed group near index 8)");
        fails(LAYERED.replace("      timeUnit: us", "      timeUnit: hours"),
                "my.yaml:14: suites.web.jmh.timeUnit: expected one of m, min, ms, ns, s, us, got \"hours\"");
        fails(LAYERED.replace("        higherIsBetter: false", "        higherIsBetter: maybe"),
                "my.yaml:31: suites.web.directions[0].higherIsBetter: expected true or false, got \"maybe\"");
        fails(LAYERED.replace("      web:\n        jmh: {params", "      webb:\n        jmh: {params"),
                "my.yaml:42: profiles.quick.suites.webb: no suite named 'webb' (suites: web)");
        fails(MINIMAL_HEAD + "defaults:\n  jmh:\n    forks: 1\n    measurementIterations: 5\n",
                "my.yaml:8: defaults.jmh.measurementIterations: sample size forks x measurementIterations = 1 x 5 = 5"
                        + " is below 10 (suite s, group s)");
        fails(LAYERED.replace("    jmh: {forks: 1, warmupIterations: 1}", "    jmh: {forks: 1, measurementIterations: 3}"),
                "my.yaml:39: profiles.quick.jmh.measurementIterations: sample size forks x measurementIterations = 1 x 3 = 3"
                        + " is below 10 (suite web, group handlers, profile quick)");
        fails("suites:\n  s:\n    include: ['x']\n", "my.yaml:3: suites.s: missing field 'version'");
        fails("suites: [1]\n", "my.yaml:1: suites: expected a mapping (key: value lines), got a list");
        fails("suites:\n  s:\n    version: 1.0.0\n    version: 1.0.1\n",
                "my.yaml:4: suites.s.version: given twice (first on line 3)");
        fails("", "my.yaml:1: the file is empty");
        assertThatThrownBy(() -> parse("suites:\n  s: [\n")).isInstanceOf(BadInputException.class)
                .hasMessage("my.yaml:3: not valid YAML (while parsing a flow node: expected the node content, but found '<stream end>')");
    }

    @Test
    void unknownSuiteProfileOrEnvironmentOnResolve() throws IOException {
        SuiteConfig c = parse(LAYERED);
        assertThatThrownBy(() -> c.resolve("api", "", "")).hasMessage("my.yaml: no suite 'api' (suites: web)");
        assertThatThrownBy(() -> c.resolve("web:1.0.0", "", "")).hasMessage("my.yaml: suite 'web' is version 2.1.0, not 1.0.0");
        assertThatThrownBy(() -> c.resolve("web", "slow", "")).hasMessage("my.yaml: no profile 'slow' (profiles: nightly, quick)");
        assertThatThrownBy(() -> c.resolve("web", "", "prod")).hasMessage("my.yaml: no environment 'prod' (environments: ci)");
    }

    @Test
    void theShippedDefaultLoadsAndCoversTheBundledSuites() throws IOException {
        SuiteConfig c = SuiteConfig.loadDefault();
        assertThat(c.defaultSuite()).isEqualTo("default");
        assertThat(c.suites()).containsKeys("default", "crypto", "concurrency", "allocation", "json", "all");
        assertThat(c.profiles()).containsKeys("nightly", "quick");
        assertThat(c.environments()).containsKeys("ci", "production");
        ResolvedSuite quick = c.resolve("", "quick", "");
        assertThat(quick.groups()).extracting(ResolvedSuite.Group::name)
                .containsExactly("crypto", "concurrency", "allocation", "json", "coldstart");
        assertThat(quick.groups().get(1).jmh().threads()).containsExactly(1, 2, 4, 8, 16, 32);
        // the cold-start group keeps its single shots over many forks even in the quick profile
        JmhSettings cold = quick.groups().get(4).jmh();
        assertThat(cold.forks()).isEqualTo(10);
        assertThat(cold.warmupIterations()).isZero();
        assertThat(cold.measurementIterations()).isEqualTo(1);
        assertThat(quick.suite().measures().bytesParam()).isEqualTo("size");
        assertThat(quick.suite().measures().measuresBytes("io.benchledger.suites.crypto.AesGcmBenchmark.encrypt")).isTrue();
        assertThat(quick.suite().measures().measuresBytes("io.benchledger.suites.allocation.CollectionsBenchmark.arrayListPresized"))
                .isFalse();
        assertThat(quick.suite().measures().gateOnTail()).isTrue();
        assertThat(quick.groups().get(2).jmh().profilers()).containsExactly("gc");
        JmhSettings nightly = c.resolve("", "", "ci").groups().get(0).jmh();
        assertThat(nightly.forks()).isEqualTo(5);
        assertThat(nightly.measurementIterations()).isEqualTo(5);
    }
}
