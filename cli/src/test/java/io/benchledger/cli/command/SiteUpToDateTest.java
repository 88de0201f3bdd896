package io.benchledger.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.benchledger.archive.model.Mode;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.model.Sample;
import io.benchledger.archive.store.Archive;
import io.benchledger.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code site --incremental} with nothing new since the last generation into the folder does nothing. */
class SiteUpToDateTest {
    private static final FileTime OLD = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));

    @TempDir
    Path tmp;

    @Test
    void skipsWhenNothingChangedAndRegeneratesWhenAnythingTheSiteShowsDid() throws Exception {
        Path archive = tmp.resolve("archive");
        assertThat(CliRun.of("generate", "--benchmarks", "6", "--runs", "40", "--seed", "7", "--changes", "2",
                "--archive", archive.toString()).exit()).isZero();
        Path budgets = tmp.resolve("budgets.yaml");
        Files.writeString(budgets, "- pattern: 'synthetic'\n  max_mean: 1s\n");
        Path templates = tmp.resolve("templates");
        Files.createDirectories(templates);
        Files.copy(Path.of("..", "templates", "site", "runs.html"), templates.resolve("runs.html"));
        Path full = tmp.resolve("full");
        Path site = tmp.resolve("site");
        List<String> common = List.of("--archive", archive.toString(), "--budgets", budgets.toString(),
                "--templates", templates.toString(), "--title", "Nightly");

        assertThat(site(full, common, false).exit()).isZero();
        CliRun first = site(site, common, true);
        assertThat(first.err()).doesNotContain("up to date");
        assertThat(files(site)).isEqualTo(files(full));

        // nothing new: no findings built, no file written (their time stamps stay), the same bytes as a full generation
        touchAll(site);
        CliRun again = site(site, common, true);
        assertThat(again.exit()).isZero();
        assertThat(again.err()).contains("site: up to date").doesNotContain("pages rendered");
        assertThat(again.out().trim()).isEqualTo(site.resolve("index.html").toString());
        assertThat(mtimes(site)).allSatisfy((f, t) -> assertThat(t).as(f).isEqualTo(OLD));
        assertThat(files(site)).isEqualTo(files(full));

        // a generated file gone: generated again
        Path page;
        try (Stream<Path> s = Files.list(site.resolve("b"))) {
            page = s.filter(p -> p.toString().endsWith(".html")).findFirst().orElseThrow();
        }
        Files.delete(page);
        assertThat(site(site, common, true).err()).doesNotContain("up to date");
        assertThat(files(site)).isEqualTo(files(full));
        assertThat(site(site, common, true).err()).contains("up to date");

        // another title
        List<String> retitled = new ArrayList<>(common);
        retitled.set(retitled.indexOf("Nightly"), "Weekly");
        assertThat(site(site, retitled, true).err()).doesNotContain("up to date");
        assertThat(Files.readString(site.resolve("index.html"))).contains("Weekly").doesNotContain("Nightly");
        assertThat(site(site, common, true).err()).doesNotContain("up to date");
        assertThat(files(site)).isEqualTo(files(full));

        // the budgets file's content (same path)
        Files.writeString(budgets, "- pattern: 'synthetic'\n  max_mean: 2s\n");
        assertThat(site(site, common, true).err()).doesNotContain("up to date");
        assertThat(files(site)).isNotEqualTo(files(full));
        assertThat(site(full, common, false).exit()).isZero();
        assertThat(files(site)).isEqualTo(files(full));
        assertThat(site(site, common, true).err()).contains("up to date");

        // a template in --templates edited
        Files.writeString(templates.resolve("runs.html"),
                Files.readString(templates.resolve("runs.html")).replace("</body>", "<!-- edited --></body>"));
        assertThat(site(site, common, true).err()).doesNotContain("up to date");
        assertThat(Files.readString(site.resolve("runs.html"))).contains("<!-- edited -->");
        assertThat(site(site, common, true).err()).contains("up to date");

        // a new run committed
        Archive a = Archive.openExisting(archive);
        Instant t = Instant.parse("2030-01-01T00:00:00Z");
        String id = io.benchledger.archive.store.RunIds.derived(t, "up-to-date", "new");
        Run run = Run.builder(id, t).finishedAt(t.plusSeconds(10)).version("9.9").build();
        Result r = new Result(id, null, "a.New.bench", new TreeMap<>(), Mode.THROUGHPUT, Result.PRIMARY, "ops/s", true, 1, 1,
                0, "", 2, "", 10, 0.5, 9.5, 10.5, 2, Optional.empty(), "");
        a.commit(new RunRecord(run, List.of(r), List.of(new Sample(id, r.caseKey(), Result.PRIMARY, 0, 0, 10, 1),
                new Sample(id, r.caseKey(), Result.PRIMARY, 0, 1, 10, 1))));
        assertThat(site(site, common, true).err()).doesNotContain("up to date");
        assertThat(Files.readString(site.resolve("runs.html"))).contains("9.9");
        assertThat(site(full, common, false).exit()).isZero();
        assertThat(files(site)).isEqualTo(files(full));
        assertThat(site(site, common, true).err()).contains("up to date");
    }

    private static CliRun site(Path out, List<String> common, boolean incremental) {
        List<String> args = new ArrayList<>(List.of("site", "--out", out.toString()));
        args.addAll(common);
        if (incremental) {
            args.add("--incremental");
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isZero();
        return run;
    }

    private static Map<String, String> files(Path dir) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p)) {
                    m.put(dir.relativize(p).toString(), io.benchledger.site.pages.SafeNames.hash(
                            new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1)));
                }
            }
        }
        return m;
    }

    private static Map<String, FileTime> mtimes(Path dir) throws Exception {
        Map<String, FileTime> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p)) {
                    m.put(dir.relativize(p).toString(), Files.getLastModifiedTime(p));
                }
            }
        }
        return m;
    }

    private static void touchAll(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p)) {
                    Files.setLastModifiedTime(p, OLD);
                }
            }
        }
    }
}
