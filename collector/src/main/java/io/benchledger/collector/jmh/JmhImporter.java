package io.benchledger.collector.jmh;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.benchledger.archive.BadInputException;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.store.RunIds;
import io.benchledger.collector.importer.ImportContext;
import io.benchledger.collector.importer.RunStart;
import io.benchledger.collector.importer.Importer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * {@code import --format-in jmh}: one JMH {@code -rf json} file becomes one run. The run id is
 * derived from the file's content hash and the run time, so importing the same file again adds
 * nothing. JMH's file carries no time: the run time is {@code --time}, or else the file's
 * modification time.
 */
public final class JmhImporter implements Importer {
    public static final String FORMAT = "jmh";
    private static final JsonFactory FACTORY = new JsonFactory();

    @Override
    public String format() {
        return FORMAT;
    }

    /**
     * A JSON array whose first element is an object with {@code benchmark} and {@code primaryMetric}
     * fields; the head may end anywhere, so a parse error after both fields were seen still counts.
     */
    @Override
    public boolean recognises(Path path, byte[] head) {
        if (head == null || head.length == 0) {
            return false;
        }
        boolean benchmark = false;
        boolean primary = false;
        try (JsonParser p = FACTORY.createParser(head)) {
            if (p.nextToken() != JsonToken.START_ARRAY || p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            JsonToken t;
            while ((t = p.nextToken()) != null && t != JsonToken.END_OBJECT) {
                if (t == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    benchmark |= "benchmark".equals(name);
                    primary |= "primaryMetric".equals(name);
                    if (benchmark && primary) {
                        return true;
                    }
                    JsonToken v = p.nextToken();
                    if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                        p.skipChildren();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return benchmark && primary;
        }
        return benchmark && primary;
    }

    @Override
    public List<RunRecord> read(Path path, ImportContext context) throws IOException {
        if (Files.isDirectory(path)) {
            throw new BadInputException(path + ": a JMH result is one JSON file, not a folder");
        }
        Instant time = context.time().orElseGet(() -> modified(path));
        String runId = RunIds.derived(time, FORMAT, context.sourceSha256());
        JmhResults jmh = JmhJsonReader.read(path, runId);
        if (jmh.results().isEmpty()) {
            throw new BadInputException(path + ": no benchmark results (an empty JSON array)");
        }
        Run.Builder run = Run.builder(runId, time)
                // the same defaults as every other format (a JMH file names neither)
                .project(context.project().isEmpty() ? RunStart.DEFAULT_PROJECT : context.project())
                .version(context.version().isEmpty() ? RunStart.DEFAULT_VERSION : context.version())
                .commit(context.commit())
                .trigger(Run.TRIGGER_IMPORT)
                .sourceFormat(FORMAT)
                .sourceSha256(context.sourceSha256())
                .toolVersion(context.toolVersion());
        jmh.describe(run);
        return List.of(jmh.toRecord(run.build()));
    }

    private static Instant modified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toInstant();
        } catch (IOException e) {
            throw new BadInputException(path + ": cannot read the file's modification time (" + e.getMessage() + ")");
        }
    }
}
