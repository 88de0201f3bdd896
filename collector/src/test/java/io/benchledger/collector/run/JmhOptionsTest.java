package io.benchledger.collector.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class JmhOptionsTest {
    @Test
    void userOptionsReplaceDerivedOnesProfilersAddAndParamsReplacePerName() {
        JmhOptions user = JmhOptions.parse(List.of("-f", "1", "-prof", "stack", "-p", "size=64", "Hash"));
        List<String> derived = List.of("-f", "3", "-wi", "5", "-prof", "gc", "-p", "size=1,2", "-p", "depth=3");
        assertThat(user.over(derived)).containsExactly("-wi", "5", "-prof", "gc", "-p", "depth=3",
                "-f", "1", "-prof", "stack", "-p", "size=64");
        assertThat(user.patterns()).containsExactly("Hash");
    }

    @Test
    void reservedAndIncompleteOptionsAreBadInput() {
        assertThatThrownBy(() -> JmhOptions.parse(List.of("-rff", "x.json")))
                .hasMessage("JMH option -rff is set by benchledger and cannot be given after --");
        assertThatThrownBy(() -> JmhOptions.parse(List.of("-f"))).hasMessage("JMH option -f needs a value");
        assertThatThrownBy(() -> JmhOptions.parse(List.of("-t", "many")).threads())
                .hasMessage("JMH option -t: expected a thread count, got \"many\"");
    }

    @Test
    void theSelectionMatchesExactlyTheNamedBenchmarks() {
        Pattern p = Pattern.compile(Collector.selection(List.of("a.B.c", "a.B.c$d")));
        assertThat(p.matcher("a.B.c").find()).isTrue();
        assertThat(p.matcher("a.B.c$d").find()).isTrue();
        assertThat(p.matcher("a.B.cc").find()).isFalse();
        assertThat(p.matcher("xa.B.c").find()).isFalse();
        assertThat(p.matcher("aXB.c").find()).isFalse();
    }

    @Test
    void logReaderNamesCasesAndFailures() {
        List<String> started = new java.util.ArrayList<>();
        JmhLogReader r = new JmhLogReader((ref, pct, eta) -> started.add(ref.caseKey() + " " + pct + " " + eta));
        String log = String.join("\n",
                "# JMH version: 1.37",
                "# Threads: 4 threads, will synchronize iterations",
                "# Benchmark mode: Average time, time/op",
                "# Benchmark: a.B.run",
                "# Parameters: (mode = fast, size = 64)",
                "",
                "# Run progress: 50.00% complete, ETA 00:01:05",
                "# Fork: 1 of 1",
                "# Warmup Iteration   1: <failure>",
                "",
                "java.lang.IllegalStateException: boom",
                "\tat a.B.run(B.java:10)",
                "",
                "# Benchmark mode: Throughput, ops/time",
                "# Threads: 1 thread, will synchronize iterations",
                "# Benchmark: a.B.other",
                "# Run progress: 75.00% complete, ETA 00:00:30",
                "<forked VM failed with exit code 134>");
        log.lines().forEach(r::accept);
        assertThat(started).containsExactly("a.B.run[mode=fast,size=64]@avgt/t4 50.0 65", "a.B.other@thrpt 75.0 30");
        assertThat(r.failures()).containsEntry("a.B.run[mode=fast,size=64]@avgt/t4", "java.lang.IllegalStateException: boom")
                .containsEntry("a.B.other@thrpt", "forked VM failed with exit code 134");
        assertThat(r.forkCases()).containsExactly("a.B.run[mode=fast,size=64]@avgt/t4");
    }
}
