package io.benchledger.collector.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchledger.workload.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The forked JVM of one load case: {@code LoadMain CASE.json OUTCOME.json}. Reads the workload and
 * its rate plan, runs it with {@link OpenLoopDriver}, writes the {@link LoadOutcome}. Prints
 * {@code progress SECOND OF} lines for the parent. Exit codes: 0 measured, 2 the workload class
 * is unusable (named in the last line), 3 it failed while running.
 */
public final class LoadMain {
    static final int BAD_WORKLOAD = 2;
    static final int FAILED = 3;
    static final String ERROR_PREFIX = "benchledger-load-error: ";

    /** What the parent hands the child. */
    public record Case(WorkloadSpec workload, WorkloadSpec.RatePlan plan, long seed) {
    }

    private LoadMain() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper json = LoadJson.mapper();
        Case c = json.readValue(Path.of(args[0]).toFile(), Case.class);
        Workload w;
        try {
            w = WorkloadClasses.instantiate(c.workload().className(), Thread.currentThread().getContextClassLoader());
            w.setUp(c.workload().params());
        } catch (RuntimeException e) {
            System.out.println(ERROR_PREFIX + e.getMessage());
            System.exit(BAD_WORKLOAD);
            return;
        } catch (Exception e) {
            System.out.println(ERROR_PREFIX + c.workload().className() + ".setUp failed: " + e);
            System.exit(FAILED);
            return;
        }
        LoadOutcome outcome;
        try {
            outcome = new OpenLoopDriver(w, c.workload(), c.plan(), c.seed(), line -> {
                System.out.println(line);
                System.out.flush();
            }).run();
            w.tearDown();
        } catch (Exception | Error e) {
            e.printStackTrace(System.out);
            System.out.println(ERROR_PREFIX + e);
            System.exit(FAILED);
            return;
        }
        write(json, outcome, Path.of(args[1]));
        System.exit(0); // workers of a stage that never returned must not keep the JVM alive
    }

    private static void write(ObjectMapper json, LoadOutcome o, Path out) throws IOException {
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        json.writeValue(tmp.toFile(), o);
        Files.move(tmp, out);
    }
}
