package io.benchledger.archive.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.testing.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An archive kept on a git branch is checked out as a folder holding {@code .git} (and maybe a README):
 * that is an empty archive the first night, and those files stay untouched by every later command.
 */
class ForeignFilesTest {
    @TempDir
    Path dir;

    @Test
    void aCheckedOutEmptyBranchIsAnEmptyArchive() throws Exception {
        Path root = dir.resolve("archive");
        Files.createDirectories(root.resolve(".git/refs"));
        Files.writeString(root.resolve(".git/HEAD"), "ref: refs/heads/benchledger-archive\n");
        Files.writeString(root.resolve("README.md"), "The benchmark archive of this project.\n");
        Files.writeString(root.resolve(".gitattributes"), "*.parquet binary\n");

        Archive a = Archive.open(root);
        assertThat(a.commit(TestRuns.awkward(RunIds.next())).added()).hasSize(1);
        Archive again = Archive.openExisting(root);
        try (ArchiveDatabase db = ArchiveDatabase.open(again)) {
            assertThat(db.run("SELECT count(*) FROM runs").rows().get(0).get(0)).isEqualTo(1L);
        }
        assertThat(Files.readString(root.resolve("README.md"))).isEqualTo("The benchmark archive of this project.\n");
        assertThat(Files.readString(root.resolve(".git/HEAD"))).isEqualTo("ref: refs/heads/benchledger-archive\n");
        assertThat(root.resolve("archive.json")).isRegularFile();
    }

    @Test
    void aFolderWithFoldersOfItsOwnIsRefusedAndLeftAsItWas() throws Exception {
        Path root = dir.resolve("project");
        Files.createDirectories(root.resolve("src/main"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        assertThatThrownBy(() -> Archive.open(root)).isInstanceOf(BadInputException.class)
                .hasMessage(root + ": folder is not a benchledger archive (no archive.json) and holds 'src'; a new"
                        + " archive's folder may hold only hidden entries (.git) and plain files (a README)");
        try (var s = Files.list(root)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("pom.xml", "src");
        }
    }
}
