package io.benchledger.report.model;

import java.time.Instant;

/**
 * What the title page shows.
 *
 * @param baseline what the candidate is compared against (a version, or a run's version and id)
 * @param date the candidate run's start time: the report's date, so the same data gives the same PDF
 * @param environment one line describing where the candidate ran (host, CPU, JVM)
 * @param toolVersion the benchledger version that made the report (the PDF's producer)
 */
public record TitlePage(
        String project,
        ReportType type,
        String baseline,
        String candidate,
        Instant date,
        String environment,
        String toolVersion) {

    public String title() {
        return type.title() + ": " + project;
    }

    public String subject() {
        return candidate + " compared with " + baseline;
    }
}
