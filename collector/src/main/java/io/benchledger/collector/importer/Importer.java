package io.benchledger.collector.importer;

import io.benchledger.archive.model.RunRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads one harness's result format into runs. Implementations are pure readers: they never touch
 * the archive, so a file that fails half way adds nothing.
 */
public interface Importer {
    /** The name used with {@code --format-in} and stored as {@code runs.source_format}. */
    String format();

    /**
     * Whether this content looks like this format (detection by content, not by file name).
     *
     * @param head the first bytes of the file (up to 64 KiB); for a folder, empty
     */
    boolean recognises(Path path, byte[] head);

    /**
     * Reads the file or folder.
     *
     * @throws io.benchledger.archive.BadInputException with one line naming the file and the place
     */
    List<RunRecord> read(Path path, ImportContext context) throws IOException;
}
