package io.benchledger.cli.workflow;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import java.io.IOException;
import java.sql.SQLException;

/** Which run a workflow analyses when it collects none (the findings themselves: {@code FindingsBuilder}). */
public final class Analysis {
    private Analysis() {
    }

    /** The newest run of the project. */
    public static String latestRun(Archive archive, String project) throws IOException, SQLException {
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            return latestRun(db, project);
        }
    }

    public static String latestRun(ArchiveDatabase db, String project) throws SQLException {
        var rows = db.query("recent_runs", project, 1).rows();
        if (rows.isEmpty()) {
            throw new BadInputException(db.archive().root() + ": project '" + project + "' has no runs");
        }
        return (String) rows.get(0).get(0);
    }
}
