package io.benchledger.archive.testing;

import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.store.Archive;
import io.benchledger.archive.store.Compactor;
import java.nio.file.Path;

/**
 * A child process for crash and concurrency tests: commits runs into an archive (and compacts, in
 * mode {@code compact}), printing each run id once its commit has returned.
 * Arguments: archive folder, mode ({@code commit} or {@code compact}), number of runs (0 = forever).
 */
public final class CommitLoop {
    public static final int CASES = 4;
    public static final int FORKS = 2;
    public static final int ITERATIONS = 25;

    private CommitLoop() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        String mode = args[1];
        int count = Integer.parseInt(args[2]);
        Archive archive = Archive.open(root);
        System.out.println("ready");
        System.out.flush();
        for (int i = 0; count == 0 || i < count; i++) {
            if (mode.equals("compactor")) {
                Compactor.compact(archive, 2);
                System.out.println("compacted");
                System.out.flush();
                continue;
            }
            RunRecord r = TestRuns.run("p", i % 2 == 0 ? "1.0" : "2.0", CASES, FORKS, ITERATIONS);
            archive.commit(r);
            System.out.println("committed " + r.run().runId());
            System.out.flush();
            if (mode.equals("compact")) {
                Compactor.compact(archive, 2);
                System.out.println("compacted");
                System.out.flush();
            }
        }
    }
}
