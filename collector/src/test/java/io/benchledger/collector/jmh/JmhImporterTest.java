package io.benchledger.collector.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.collector.importer.ImportContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhImporterTest {
    final JmhImporter importer = new JmhImporter();

    @Test
    void recognisesJmhJsonByContentEvenFromATruncatedHead() throws IOException {
        Path file = JmhJsonReaderTest.resource("guyko__weighted-lottery/jmh-result.json");
        byte[] all = Files.readAllBytes(file);
        assertThat(importer.recognises(file, all)).isTrue();
        assertThat(importer.recognises(file, Arrays.copyOf(all, 2000))).isTrue();
        // benchmark comes before primaryMetric: a head cut between them is not enough evidence
        assertThat(importer.recognises(file, Arrays.copyOf(all, 80))).isFalse();
        assertThat(importer.recognises(file, "[{\"name\":\"x\",\"value\":1}]".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(importer.recognises(file, "{\"benchmark\":\"x\",\"primaryMetric\":{}}".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(importer.recognises(file, new byte[0])).isFalse();
    }

    @Test
    void oneFileIsOneRunWithAStableId() throws IOException {
        Path file = JmhJsonReaderTest.resource("casbin__jcasbin/jmh-result.json");
        ImportContext ctx = new ImportContext("proj", "2.0.0", "abc123", Optional.of(Instant.parse("2025-12-29T10:00:00Z")),
                "5ee5", "0.1.0");
        List<RunRecord> runs = importer.read(file, ctx);
        assertThat(runs).hasSize(1);
        Run run = runs.get(0).run();
        assertThat(run.harness()).isEqualTo("jmh");
        assertThat(run.harnessVersion()).isEqualTo("1.37");
        assertThat(run.trigger()).isEqualTo(Run.TRIGGER_IMPORT);
        assertThat(run.sourceFormat()).isEqualTo("jmh");
        assertThat(run.version()).isEqualTo("2.0.0");
        assertThat(run.commit()).isEqualTo("abc123");
        assertThat(run.startedAt()).isEqualTo(Instant.parse("2025-12-29T10:00:00Z"));
        assertThat(runs.get(0).results()).hasSize(37);
        assertThat(importer.read(file, ctx).get(0).run().runId()).isEqualTo(run.runId());
    }

    @Test
    void emptyArrayAndFoldersAreBadInput(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.json"), "[]");
        ImportContext ctx = new ImportContext("p", "1", "", Optional.empty(), "00", "0.1.0");
        assertThatThrownBy(() -> importer.read(empty, ctx)).isInstanceOf(BadInputException.class)
                .hasMessage(empty + ": no benchmark results (an empty JSON array)");
        assertThatThrownBy(() -> importer.read(dir, ctx)).isInstanceOf(BadInputException.class)
                .hasMessage(dir + ": a JMH result is one JSON file, not a folder");
    }
}
