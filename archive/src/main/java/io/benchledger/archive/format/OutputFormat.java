package io.benchledger.archive.format;

/** How a command prints tabular results: {@code --format table|json|csv|markdown}. */
public enum OutputFormat {
    TABLE, JSON, CSV, MARKDOWN
}
