package io.benchledger.report.pdf;

import io.benchledger.archive.model.Run;
import io.benchledger.report.model.Formats;
import io.benchledger.report.model.RunEnvironment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/** The "Appendix: run environments" section: what each run the report rests on ran on. */
final class AppendixSection {
    private AppendixSection() {
    }

    static void draw(PageFlow flow, List<RunEnvironment> environments) throws IOException {
        flow.newPage();
        PDOutlineItem section = flow.heading("Appendix: run environments", 60);
        if (environments.isEmpty()) {
            flow.paragraph(flow.fonts.regular, 9, PageFlow.TEXT, "No run environment is recorded.");
            return;
        }
        for (RunEnvironment measured : environments) {
            Run e = measured.run();
            flow.subheading(section, "Run " + e.runId() + " (" + measured.role() + (e.version().isEmpty() ? "" : ", " + e.version())
                    + ")", 60);
            List<String[]> kv = new ArrayList<>();
            add(kv, "Started", Formats.dateTime(e.startedAt()));
            add(kv, "Suite", e.suite());
            add(kv, "Environment", e.environment());
            add(kv, "Trigger", e.trigger());
            add(kv, "Commit", (e.commit() + (e.branch().isEmpty() ? "" : " on " + e.branch())).trim());
            add(kv, "Host", e.host());
            add(kv, "OS", (e.os() + " " + e.arch()).trim());
            add(kv, "CPU", (e.cpuModel() + (e.cpuCount() > 0 ? " (" + e.cpuCount() + " CPUs)" : "")).trim());
            add(kv, "Memory", e.memoryBytes() > 0 ? Formats.bytes(e.memoryBytes()) : "");
            add(kv, "JVM", (e.jvmVendor() + " " + e.jvmVersion()).trim());
            add(kv, "JVM arguments", e.jvmArgs());
            add(kv, "Harness", (e.harness() + " " + e.harnessVersion()).trim());
            KeyValues.draw(flow, kv, 90, 8.5f);
        }
    }

    private static void add(List<String[]> kv, String key, String value) {
        if (!value.isBlank()) {
            kv.add(new String[] {key, value});
        }
    }
}
