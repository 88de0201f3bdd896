package io.benchledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.store.Archive;
import io.benchledger.archive.store.RunIds;
import io.benchledger.archive.testing.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs every query of docs/sql-cookbook.md against a real archive: the cookbook stays true. */
class SqlCookbookTest {
    @TempDir
    static Path dir;
    static Path root;
    static List<String> queries = new ArrayList<>();

    @BeforeAll
    static void archive() throws Exception {
        root = dir.resolve("archive");
        Archive a = Archive.open(root);
        String[] versions = {"1.0", "1.1", "2.0"};
        for (int i = 0; i < versions.length; i++) {
            RunRecord r = TestRuns.run(RunIds.next(), "p", versions[i], 3, 2, 5, 100 + 10 * i);
            Run run = r.run().toBuilder().trigger(Run.TRIGGER_RELEASE).host(i == 2 ? "host-2" : "host-1")
                    .startedAt(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400L * i))
                    .finishedAt(Instant.parse("2026-01-01T00:30:00Z").plusSeconds(86_400L * i)).build();
            a.commit(new RunRecord(run, r.results(), r.samples()));
        }
        RunRecord odd = TestRuns.awkward(RunIds.next());
        a.commit(new RunRecord(odd.run().toBuilder().startedAt(Instant.parse("2026-02-01T00:00:00Z")).build(),
                odd.results(), odd.samples()));
        String md = Files.readString(locate("docs/sql-cookbook.md"));
        Matcher m = Pattern.compile("## \\d+\\..*?```sql\\n(.*?)```", Pattern.DOTALL).matcher(md);
        while (m.find()) {
            queries.add(m.group(1));
        }
    }

    static Path locate(String relative) {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve(relative))) {
            p = p.getParent();
        }
        return p.resolve(relative);
    }

    static JsonNode rows(String sql) throws Exception {
        CliRun r = CliRun.of("sql", "--archive", root.toString(), "--format", "json", sql);
        assertThat(r.exit()).as(sql + "\n" + r.err()).isZero();
        return new ObjectMapper().readTree(r.out()).get("rows");
    }

    @Test
    void everyQueryRunsAndTheKnownOnesAnswerRight() throws Exception {
        assertThat(queries).hasSizeGreaterThanOrEqualTo(10);
        List<JsonNode> answers = new ArrayList<>();
        for (String q : queries) {
            answers.add(rows(q));
        }
        // 1: one point per release run of case0, in time order, medians 100, 110, 120 + 0.07
        assertThat(answers.get(0)).hasSize(3);
        assertThat(answers.get(0).get(2).get("version").asText()).isEqualTo("2.0");
        assertThat(answers.get(0).get(0).get("centre").asDouble()).isEqualTo(100.07, org.assertj.core.data.Offset.offset(1e-9));
        // 3: two release steps × 3 cases, each +10 on a ~100 base: not worse (throughput went up)
        assertThat(answers.get(2)).hasSize(6);
        assertThat(answers.get(2)).allSatisfy(row -> assertThat(row.get("worse").asBoolean()).isFalse());
        // 5: the first run and the host change are drift points
        assertThat(answers.get(4).findValuesAsText("host")).contains("host-2");
        // 7: the allocation metric is found under its normalised name
        assertThat(answers.get(6).get(0).get("bytes_per_op").asDouble()).isEqualTo(24.0);
        // 9: the failed case
        assertThat(answers.get(8).get(0).get("failure").asText()).contains("boom");
        // 12: weighted p99 of the histogram {0.1×10, 0.3×17, max×3}: 99 % of 30 falls in the last bucket
        assertThat(answers.get(11).get(0).get("weighted_p99").asDouble()).isEqualTo(Double.MAX_VALUE);
    }
}
