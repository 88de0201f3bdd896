package io.benchledger.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.benchledger.archive.model.Mode;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.model.Sample;
import io.benchledger.archive.store.Archive;
import io.benchledger.cli.BenchledgerCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesTheSiteAndPrintsItsIndex() throws Exception {
        Archive a = Archive.open(tmp.resolve("archive"));
        for (int i = 0; i < 3; i++) {
            Instant t = Instant.parse("2026-01-0" + (i + 1) + "T00:00:00Z");
            String id = io.benchledger.archive.store.RunIds.derived(t, "cli-site", "" + i);
            Run run = Run.builder(id, t).finishedAt(t.plusSeconds(10)).version(i < 2 ? "1.0" : "1.1").build();
            Result r = new Result(id, null, "a.B.c", new TreeMap<>(), Mode.THROUGHPUT, Result.PRIMARY, "ops/s", true, 1, 1,
                    0, "", 2, "", 10 + i, 0.5, 9.5 + i, 10.5 + i, 2, Optional.empty(), "");
            a.commit(new RunRecord(run, List.of(r), List.of(new Sample(id, r.caseKey(), Result.PRIMARY, 0, 0, 10 + i, 1),
                    new Sample(id, r.caseKey(), Result.PRIMARY, 0, 1, 10 + i, 1))));
        }
        Path out = tmp.resolve("site");
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = BenchledgerCommand.run("site", "--archive", a.root().toString(), "--out", out.toString(),
                    "--compare", "1.0..1.1");
        } finally {
            System.setOut(old);
        }
        assertThat(code).isZero();
        assertThat(buf.toString(StandardCharsets.UTF_8).trim()).isEqualTo(out.resolve("index.html").toString());
        assertThat(out.resolve("index.html")).exists();
        assertThat(out.resolve(".nojekyll")).exists();
        // the requested comparison: 1.0 (means 10 and 11 → 10.5) against 1.1 (12): +14.3 %
        assertThat(Files.readString(out.resolve("versions.html"))).contains("1.1 against 1.0");

        assertThat(BenchledgerCommand.run("site", "--archive", a.root().toString(), "--out", out.toString(),
                "--compare", "1.0..nope")).isEqualTo(2);
        assertThat(BenchledgerCommand.run("site", "--archive", tmp.resolve("none").toString(), "--out", out.toString()))
                .isEqualTo(2);
        assertThat(BenchledgerCommand.run("site", "--archive", a.root().toString(), "--out", out.toString(),
                "--base-url", "ftp://x")).isEqualTo(2);
    }
}
