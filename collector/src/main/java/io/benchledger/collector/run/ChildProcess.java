package io.benchledger.collector.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/** Runs a command, handing every output line (stdout and stderr merged) to a consumer. */
public final class ChildProcess {
    private ChildProcess() {
    }

    /** Returns the exit code; {@code started} sees the process as soon as it runs. */
    public static int run(List<String> command, Consumer<Process> started, Consumer<String> lines) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        started.accept(p);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.accept(line);
            }
        } finally {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while a child JVM was running", e);
            }
        }
        return p.exitValue();
    }
}
