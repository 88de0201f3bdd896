package io.benchledger.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The distribution built in this run, unpacked once per test JVM as a user would (tar -xzf). */
final class Installed {
    private static Path home;

    private Installed() {
    }

    static Path archive() {
        return Path.of(System.getProperty("benchledger.distribution"));
    }

    static String version() {
        return System.getProperty("benchledger.version");
    }

    /** The folder holding bin/, lib/, docs/ … */
    static synchronized Path home() throws IOException, InterruptedException {
        if (home == null) {
            Path dir = Files.createTempDirectory("benchledger-install");
            Shell.run(dir, List.of("tar", "-xzf", archive().toString()), Shell.env(dir), 60).requireExit(0);
            home = dir.resolve("benchledger-" + version());
        }
        return home;
    }

    static Path bin() throws IOException, InterruptedException {
        return home().resolve("bin");
    }
}
