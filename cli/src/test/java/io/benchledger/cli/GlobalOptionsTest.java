package io.benchledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlobalOptionsTest {
    @TempDir
    Path dir;

    /** --verbose holds for its own run only: the next run in the same process prints a one-line error again. */
    @Test
    void verboseDoesNotOutliveItsRun() {
        String missing = dir.resolve("missing").toString();
        CliRun loud = CliRun.of("archive", "info", "--archive", missing, "--verbose");
        assertThat(loud.exit()).isNotZero();
        assertThat(loud.err()).contains("\tat ");
        CliRun quiet = CliRun.of("archive", "info", "--archive", missing);
        assertThat(quiet.exit()).isNotZero();
        assertThat(quiet.err()).doesNotContain("\tat ").contains(missing);
    }
}
