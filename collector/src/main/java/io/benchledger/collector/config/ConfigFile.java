package io.benchledger.collector.config;

import io.benchledger.archive.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a suite configuration file, or the one shipped with benchledger, for a section's parser. */
final class ConfigFile {
    /** A parser of one configuration: the file's name (for located errors) and its text. */
    interface Parser<T> {
        T parse(String file, Reader reader) throws IOException;
    }

    private ConfigFile() {
    }

    static <T> T read(Path path, Parser<T> parser) throws IOException {
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return parser.parse(path.toString(), r);
        } catch (NoSuchFileException e) {
            throw new BadInputException(path + ": no such configuration file");
        } catch (MalformedInputException e) {
            throw new BadInputException(path + ": not UTF-8 text");
        }
    }

    static <T> T readDefault(Parser<T> parser) throws IOException {
        try (InputStream in = ConfigFile.class.getClassLoader().getResourceAsStream(SuiteConfig.DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SuiteConfig.DEFAULT_RESOURCE + " is missing from the class path");
            }
            return parser.parse(SuiteConfig.DEFAULT_RESOURCE, new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }
}
