package io.benchledger.cli.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which of async-profiler's bundled libraries a platform gets, and the one for this machine written out. */
class AsyncProfilerLibraryTest {
    @TempDir
    Path dir;

    @Test
    void eachPlatformGetsItsFolderOrNone() {
        assertThat(AsyncProfilerLibrary.folder("Linux", "amd64")).contains("linux-x64");
        assertThat(AsyncProfilerLibrary.folder("Linux", "aarch64")).contains("linux-arm64");
        assertThat(AsyncProfilerLibrary.folder("Mac OS X", "aarch64")).contains("macos");
        assertThat(AsyncProfilerLibrary.folder("Mac OS X", "x86_64")).contains("macos");
        assertThat(AsyncProfilerLibrary.folder("Windows 11", "amd64")).isEqualTo(Optional.empty());
        assertThat(AsyncProfilerLibrary.folder("Linux", "riscv64")).isEmpty();
    }

    @Test
    void thisMachinesLibraryIsWrittenAsTheJarHoldsIt() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && System.getProperty("os.arch").equals("amd64"));
        Path lib = AsyncProfilerLibrary.extract(dir);
        byte[] bytes = Files.readAllBytes(lib);
        assertThat(lib.getFileName().toString()).isEqualTo("libasyncProfiler.so");
        assertThat(Arrays.copyOf(bytes, 4)).containsExactly(0x7f, 'E', 'L', 'F');
        try (var in = AsyncProfilerLibrary.class.getResourceAsStream("/linux-x64/libasyncProfiler.so")) {
            assertThat(bytes).isEqualTo(in.readAllBytes());
        }
    }
}
