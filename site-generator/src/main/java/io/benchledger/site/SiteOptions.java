package io.benchledger.site;

import io.benchledger.archive.BadInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How to generate a site.
 *
 * @param baseUrl where the site will be published (for the data page's queries and the feed), with
 *                a trailing slash; empty when unknown
 * @param compare extra comparisons, each {@code A..B} (versions or run ids)
 * @param incremental regenerate only the benchmark pages whose inputs changed since the last generation
 * @param commitUrl a link to a commit, with {@code {commit}} where the hash goes; empty: link to the runs page
 * @param publishSamples copy the archive's raw samples into {@code data/} too (runs and results always are);
 *                       off by default: at scale they are most of the site's bytes
 */
public record SiteOptions(Path out, Optional<Path> templates, String project, String title, String baseUrl,
                          List<String> compare, boolean incremental, String commitUrl, boolean publishSamples) {
    public SiteOptions {
        templates = templates == null ? Optional.empty() : templates;
        title = title == null || title.isBlank() ? "Performance of " + project : title;
        baseUrl = baseUrl == null ? "" : baseUrl.strip();
        if (!baseUrl.isEmpty()) {
            if (!baseUrl.startsWith("https://") && !baseUrl.startsWith("http://")) {
                throw new BadInputException("--base-url " + baseUrl + ": expected an http:// or https:// address");
            }
            if (!baseUrl.endsWith("/")) {
                baseUrl = baseUrl + "/";
            }
        }
        compare = compare == null ? List.of() : List.copyOf(compare);
        commitUrl = commitUrl == null ? "" : commitUrl.strip();
        if (!commitUrl.isEmpty() && (!commitUrl.contains("{commit}")
                || !(commitUrl.startsWith("https://") || commitUrl.startsWith("http://")))) {
            throw new BadInputException("--commit-url " + commitUrl
                    + ": expected an http(s) address containing {commit}, e.g. https://github.com/org/repo/commit/{commit}");
        }
    }

    /** Without the raw samples in {@code data/}. */
    public SiteOptions(Path out, Optional<Path> templates, String project, String title, String baseUrl,
                       List<String> compare, boolean incremental, String commitUrl) {
        this(out, templates, project, title, baseUrl, compare, incremental, commitUrl, false);
    }

    public static SiteOptions of(Path out, String project) {
        return new SiteOptions(out, Optional.empty(), project, "", "", List.of(), false, "");
    }
}
