package io.benchledger.report.model;

import java.util.Locale;

/** The two reports: the nightly one (latest run against the one before) and the release comparison. */
public enum ReportType {
    NIGHTLY("Nightly benchmark report"),
    RELEASE("Release comparison report");

    private final String title;

    ReportType(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
