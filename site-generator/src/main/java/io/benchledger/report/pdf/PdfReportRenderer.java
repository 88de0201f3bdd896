package io.benchledger.report.pdf;

import io.benchledger.report.model.ReportModel;
import io.benchledger.report.model.TitlePage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PageMode;

/**
 * Lays a {@link ReportModel} out as a PDF: title page, summary, chart of changes, comparison table,
 * change points and trends, recommendations, and an appendix of run environments. Each section is
 * its own small renderer taking the model's typed records; this class only puts them in order and
 * writes the document's metadata. Every number comes from the model.
 */
public final class PdfReportRenderer {
    /**
     * Writes the report to {@code out}, through a temporary file so a failed run leaves no half PDF.
     *
     * @return the number of pages
     */
    public int render(ReportModel model, Path out) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = out.toAbsolutePath().resolveSibling("." + out.getFileName() + ".tmp");
        try {
            int pages;
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                pages = render(model, os);
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return pages;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes the report to a stream and returns the number of pages. */
    public int render(ReportModel model, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            ReportFonts fonts = ReportFonts.load(doc);
            try (PageFlow flow = new PageFlow(doc, fonts)) {
                Charts charts = new Charts(flow);
                TitleSection.draw(flow, model.title(), model.summary());
                SummarySection.draw(flow, model.summary(), model.notes(), model.budgets());
                ChangeChart.draw(flow, charts, model.comparisons());
                ComparisonTable.draw(flow, model.comparisons(), model.tailNotes());
                WorkloadSection.draw(flow, model.comparisons());
                BudgetTable.draw(flow, model.budgets());
                ChangePointSection.draw(flow, charts, model.changePoints(), model.drifts(), model.histories());
                TrendTable.draw(flow, model.trends());
                RecommendationList.draw(flow, model.recommendations());
                ResourcesSection.draw(flow, model.resources());
                AppendixSection.draw(flow, model.environments());
                flow.footers(model.title().title() + " · " + model.title().subject());
            }
            metadata(doc, model);
            doc.save(out);
            return doc.getNumberOfPages();
        }
    }

    private static void metadata(PDDocument doc, ReportModel model) {
        TitlePage t = model.title();
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(t.title());
        info.setSubject(t.subject());
        info.setAuthor("benchledger");
        info.setCreator("benchledger report --type " + t.type().json());
        info.setProducer("benchledger " + t.toolVersion() + " (Apache PDFBox)");
        info.setKeywords("benchmark, " + t.project() + ", " + t.candidate() + ", " + t.baseline());
        Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        date.setTimeInMillis(t.date().toEpochMilli());
        info.setCreationDate(date);
        info.setModificationDate(date);
        doc.getDocumentCatalog().setPageMode(PageMode.USE_OUTLINES);
        doc.getDocumentCatalog().setLanguage("en");
        // the file identifier is derived from the content, so the same model gives the same bytes
        byte[] id = fingerprint(model);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        doc.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static byte[] fingerprint(ReportModel model) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] d = md.digest(model.toString().getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(d, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
