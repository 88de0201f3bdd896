package io.benchledger.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteGeneratorTest {
    @TempDir
    Path tmp;

    @Test
    void generatesTheSite() throws Exception {
        Archive a = SiteFixture.create(tmp.resolve("archive"));
        Path out = tmp.resolve("site");
        try (ArchiveDatabase db = ArchiveDatabase.open(a)) {
            SiteGenerator.Outcome o = SiteGenerator.generate(db, SiteFixture.knownAnalyses(),
                    new SiteOptions(out, Optional.empty(), "default", "", "", List.of("1.0.0..1.1.0"), false, ""));
            System.out.println(o);
        }
        try (var s = Files.walk(out)) {
            s.filter(Files::isRegularFile).forEach(p -> System.out.println(out.relativize(p)));
        }
        assertThat(out.resolve("index.html")).exists();
    }
}
