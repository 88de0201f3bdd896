package io.benchledger.collector.experiment;

import io.benchledger.archive.store.RunIds;
import io.benchledger.collector.jmh.JmhJsonReader;
import io.benchledger.collector.jmh.JmhResults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a turn as its own process: {@code <java> <jvm flags> -cp <classpath> org.openjdk.jmh.Main
 * <include>… -f 1 -rf json -rff <file> [-p …] [JMH options]}. JMH's fork inherits the launching
 * JVM and its flags, so the variant's JDK and flags are what is measured. JMH's console output goes
 * to a log file in the work folder; its last lines are in the error when the process fails. While
 * another JMH run holds JMH's machine-wide lock, the turn waits (up to ten minutes) and retries.
 */
public final class JmhProcessTurnRunner implements TurnRunner {
    private final List<String> includes;
    private final List<String> jmhOptions;
    private final Path workDir;

    /**
     * @param includes benchmark regular expressions (JMH's positional arguments)
     * @param jmhOptions further JMH options (iterations, times, {@code -prof gc}); not {@code -f}
     * @param workDir where the JSON and log of each turn are written
     */
    public JmhProcessTurnRunner(List<String> includes, List<String> jmhOptions, Path workDir) {
        this.includes = List.copyOf(includes);
        this.jmhOptions = List.copyOf(jmhOptions);
        this.workDir = workDir;
    }

    public List<String> command(Variant v, Path json) {
        List<String> cmd = new ArrayList<>();
        cmd.add(v.javaExecutable());
        cmd.addAll(v.jvmArgs());
        cmd.add("-cp");
        cmd.add(v.classpath());
        cmd.add("org.openjdk.jmh.Main");
        cmd.addAll(includes);
        cmd.addAll(jmhOptions);
        for (String p : v.jmhParams()) {
            cmd.add("-p");
            cmd.add(p);
        }
        cmd.addAll(List.of("-f", "1", "-rf", "json", "-rff", json.toString()));
        return cmd;
    }

    @Override
    public ForkResult run(Variant v, int turn) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        String stem = safe(v.name()) + "-" + turn;
        Path json = workDir.resolve(stem + ".json");
        Path log = workDir.resolve(stem + ".log");
        int exit = launch(v, json, log);
        // JMH refuses to run while another JMH run holds /tmp/jmh.lock (two benchmarks on one machine
        // spoil each other): wait for it rather than fail or override the lock
        for (int wait = 0; exit != 0 && wait < LOCK_RETRIES && lockBusy(log); wait++) {
            Thread.sleep(LOCK_WAIT_MILLIS);
            exit = launch(v, json, log);
        }
        if (exit != 0 || !Files.exists(json) || Files.size(json) == 0) {
            throw new TurnFailedException("variant " + v.name() + ", turn " + (turn + 1) + ": JMH exited with "
                    + exit + " (" + tail(log) + ")");
        }
        JmhResults read = JmhJsonReader.read(json, RunIds.next());
        ForkResult r = new ForkResult(read.results(), read.samples(), read.vmName(), read.jdkVersion(),
                read.jmhVersion());
        if (r.results().isEmpty()) {
            throw new TurnFailedException("variant " + v.name() + ": no benchmark matched " + includes);
        }
        return r;
    }

    private static final int LOCK_RETRIES = 300;
    private static final long LOCK_WAIT_MILLIS = 2000;

    private int launch(Variant v, Path json, Path log) throws IOException, InterruptedException {
        Files.deleteIfExists(json);
        Process p = new ProcessBuilder(command(v, json)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            throw e;
        }
    }

    private static boolean lockBusy(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8).contains("Unable to acquire the JMH lock");
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        List<String> useful = new ArrayList<>();
        for (String l : lines) {
            if (!l.isBlank()) {
                useful.add(l.trim());
            }
        }
        int from = Math.max(0, useful.size() - 3);
        return String.join(" | ", useful.subList(from, useful.size()));
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
