package io.benchledger.collector.importer;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.model.RunRecord;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads one source into runs without touching any archive: hashes it, picks its importer
 * ({@code --format-in} or detection) and reads it. Everything wrong with the source is a
 * {@link BadInputException} naming it.
 */
public final class SourceReader {
    public static final int HEAD_BYTES = 64 * 1024;

    /** What the user gave on the command line (empty = not given). */
    public record Flags(String project, String version, String commit, Optional<Instant> time, String toolVersion) {
    }

    /** A source read: its format, hash and runs; or, for a file found in a folder, nothing to read. */
    public record Read(Sources.Source source, String format, String sha256, List<RunRecord> runs) {
    }

    private final Importers importers;
    private final Optional<String> formatIn;
    private final Flags flags;
    private final Consumer<String> warnings;

    public SourceReader(Importers importers, Optional<String> formatIn, Flags flags, Consumer<String> warnings) {
        this.importers = importers;
        this.formatIn = formatIn;
        this.flags = flags;
        this.warnings = warnings;
        formatIn.ifPresent(importers::byFormat); // an unknown name fails before any file is read
    }

    /** The runs of a source; empty for a file in a folder that is not a result file (a README, an image). */
    public Optional<Read> read(Sources.Source source) throws IOException {
        Path path = source.path();
        String sha;
        byte[] head;
        if (source.folder()) {
            sha = folderHash(path);
            head = new byte[0];
        } else {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(path);
            } catch (AccessDeniedException e) {
                throw new BadInputException(path + ": cannot be read (permission denied)");
            }
            sha = SourceHash.of(bytes);
            head = Arrays.copyOf(bytes, Math.min(bytes.length, HEAD_BYTES));
        }
        Importer importer;
        if (formatIn.isPresent()) {
            importer = importers.byFormat(formatIn.get());
        } else {
            Optional<Importer> detected = importers.detect(path, head);
            if (detected.isEmpty()) {
                if (!source.explicit() && !JsonHead.of(head).json()) {
                    return Optional.empty();
                }
                throw new BadInputException(importers.unrecognised(path, head));
            }
            importer = detected.get();
        }
        ImportContext context = new ImportContext(flags.project(), flags.version(), flags.commit(), flags.time(), sha,
                flags.toolVersion(), warnings);
        List<RunRecord> runs;
        try {
            runs = importer.read(path, context);
        } catch (BadInputException e) {
            throw e;
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            // a reader's unforeseen failure on odd input is still a problem of that input
            throw new BadInputException(path + ": cannot be read as " + importer.format() + " ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + Json.oneLine(e.getMessage())) + ")", e);
        }
        return Optional.of(new Read(source, importer.format(), sha, runs));
    }

    private static String folderHash(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).sorted().forEach(f -> {
                files.add(f);
                names.add(dir.relativize(f).toString().replace('\\', '/'));
            });
        }
        return SourceHash.ofFiles(files, names);
    }
}
