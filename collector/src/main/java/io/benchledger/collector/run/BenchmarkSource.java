package io.benchledger.collector.run;

import io.benchledger.archive.BadInputException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * Where the benchmarks come from: the class path JMH runs with.
 *
 * @param classPath the class path of the JMH process (jar files and folders, separated as the platform does)
 * @param description for messages and the run's labels: {@code bundled}, {@code jar:NAME} or {@code classpath}
 */
public record BenchmarkSource(String classPath, String description) {

    /** The suites bundled with benchledger: benchledger's own class path (the runnable jar holds them). */
    public static BenchmarkSource bundled() {
        return new BenchmarkSource(System.getProperty("java.class.path"), "bundled");
    }

    /** A user's JMH uber jar (as built by JMH's Maven archetype or the Gradle JMH plugin). */
    public static BenchmarkSource jar(Path jar) {
        if (!Files.exists(jar)) {
            throw new BadInputException("--jar " + jar + ": no such file");
        }
        if (!Files.isRegularFile(jar)) {
            throw new BadInputException("--jar " + jar + ": not a file");
        }
        try (JarFile jf = new JarFile(jar.toFile())) {
            if (jf.getEntry("META-INF/BenchmarkList") == null) {
                throw new BadInputException("--jar " + jar + ": not a JMH benchmark jar (it has no META-INF/BenchmarkList;"
                        + " build it with JMH's annotation processor)");
            }
            if (jf.getEntry("org/openjdk/jmh/Main.class") == null) {
                throw new BadInputException("--jar " + jar + ": has benchmarks but not JMH itself (org.openjdk.jmh.Main);"
                        + " give --classpath with the jar and jmh-core and its dependencies instead");
            }
        } catch (IOException e) {
            throw new BadInputException("--jar " + jar + ": not a jar file (" + e.getMessage() + ")");
        }
        return new BenchmarkSource(jar.toAbsolutePath().toString(), "jar:" + jar.getFileName());
    }

    /** Jars and folders given with {@code --classpath}; every entry must exist. */
    public static BenchmarkSource classPath(String cp) {
        if (cp.isBlank()) {
            throw new BadInputException("--classpath: empty");
        }
        List<String> entries = new ArrayList<>();
        for (String e : cp.split(File.pathSeparator)) {
            if (e.isEmpty()) {
                continue;
            }
            Path p = Path.of(e);
            if (!Files.exists(p)) {
                throw new BadInputException("--classpath: " + e + ": no such file or folder");
            }
            entries.add(p.toAbsolutePath().toString());
        }
        return new BenchmarkSource(String.join(File.pathSeparator, entries), "classpath");
    }
}
