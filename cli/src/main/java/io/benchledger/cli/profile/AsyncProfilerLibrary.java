package io.benchledger.cli.profile;

import io.benchledger.archive.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;

/**
 * async-profiler's native library, bundled from Maven Central's {@code tools.profiler:async-profiler}
 * jar (folders {@code linux-x64/}, {@code linux-arm64/}, {@code macos/}, the last a universal binary)
 * and written to a scratch folder at run time: JMH's forks load it from a file path.
 */
public final class AsyncProfilerLibrary {
    static final String FILE = "libasyncProfiler.so";
    static final String BUNDLED = "linux-x64, linux-arm64, macOS x64/arm64";

    private AsyncProfilerLibrary() {
    }

    /** The jar's folder for a platform, as {@code os.name} and {@code os.arch} name it; empty when none is bundled. */
    static Optional<String> folder(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac")) {
            return Optional.of("macos");
        }
        if (!os.startsWith("linux")) {
            return Optional.empty();
        }
        return switch (arch) {
            case "amd64", "x86_64" -> Optional.of("linux-x64");
            case "aarch64", "arm64" -> Optional.of("linux-arm64");
            default -> Optional.empty();
        };
    }

    /** Writes this platform's library into {@code dir}; one line naming what is bundled when there is none. */
    public static Path extract(Path dir) throws IOException {
        String os = System.getProperty("os.name", "?");
        String arch = System.getProperty("os.arch", "?");
        String folder = folder(os, arch).orElseThrow(() -> new BadInputException("--profile-with async: async-profiler has no library for "
                + os + " " + arch + " (bundled: " + BUNDLED + "); use --profile-with jfr"));
        Path to = dir.resolve(FILE);
        try (InputStream in = AsyncProfilerLibrary.class.getResourceAsStream("/" + folder + "/" + FILE)) {
            if (in == null) {
                throw new IOException("async-profiler's " + folder + "/" + FILE + " is missing from benchledger's class path");
            }
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
        return to;
    }
}
