package io.benchledger.collector.importer;

import io.benchledger.archive.BadInputException;
import io.benchledger.collector.importer.criterion.CriterionImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns the paths given to {@code import} into sources: a file is one source; a folder gives its
 * files, except that a Criterion results tree inside it is one source (its JSON files are parts of
 * one measurement, not results of their own).
 */
public final class Sources {
    private Sources() {
    }

    /**
     * One thing to import.
     *
     * @param folder   a Criterion folder rather than a file
     * @param explicit named on the command line (an unrecognised explicit file is an error; an
     *                 unrecognised file found in a folder is an error only when it is JSON)
     */
    public record Source(Path path, boolean folder, boolean explicit) {
    }

    public static List<Source> expand(List<Path> args) throws IOException {
        List<Source> out = new ArrayList<>();
        for (Path p : args) {
            if (Files.isRegularFile(p)) {
                out.add(new Source(p, false, true));
            } else if (Files.isDirectory(p)) {
                out.addAll(scan(p));
            } else if (Files.exists(p)) {
                throw new BadInputException(p + ": neither a file nor a folder");
            } else {
                throw new BadInputException(p + ": no such file or folder");
            }
        }
        return out;
    }

    static List<Source> scan(Path dir) throws IOException {
        List<Path> baselines = CriterionImporter.baselineFolders(dir);
        Set<Path> criterionParts = new HashSet<>();
        for (Path b : baselines) {
            criterionParts.add(b.getParent()); // the benchmark folder: base/, new/, change/, report/
        }
        List<Source> out = new ArrayList<>();
        if (!baselines.isEmpty()) {
            out.add(new Source(dir, true, true));
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile)
                    .filter(f -> !under(f, dir, criterionParts, !baselines.isEmpty()))
                    .sorted()
                    .forEach(f -> out.add(new Source(f, false, false)));
        }
        return out;
    }

    private static boolean under(Path file, Path root, Set<Path> criterionParts, boolean criterion) {
        for (Path p = file.getParent(); p != null && p.startsWith(root); p = p.getParent()) {
            String name = p.getFileName() == null ? "" : p.getFileName().toString();
            if (name.equals(".git") || criterionParts.contains(p) || (criterion && name.equals("report"))) {
                return true;
            }
            if (p.equals(root)) {
                break;
            }
        }
        return false;
    }
}
