package io.benchledger.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens the generated site in a real headless Chromium, from file:// and from a local web server
 * under a sub-path (as on GitHub Pages), with one browser session for all checks: no console
 * error, no failed request, no request to another host, charts drawn, sorting and search working,
 * hostile names shown as text with no dialog. Screenshots go to target/site-tests/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteBrowserTest {
    private Path work;
    private Path site;
    private WebDriver driver;
    private HttpServer server;
    private final List<String> served = Collections.synchronizedList(new ArrayList<>());
    private String httpBase;

    @BeforeAll
    void start() throws Exception {
        Optional<Path> chromium = onPath("chromium", "chromium-browser", "google-chrome");
        Optional<Path> chromedriver = onPath("chromedriver");
        Assumptions.assumeTrue(chromium.isPresent() && chromedriver.isPresent(),
                "skipped: needs chromium and chromedriver on the PATH (Debian: apt-get install chromium chromium-driver)");
        work = Path.of(System.getProperty("site.test.output", "target/site-tests")).toAbsolutePath().resolve("browser");
        deleteTree(work);
        Files.createDirectories(work.resolve("screenshots"));
        Archive archive = SiteFixture.create(work.resolve("archive"));
        site = work.resolve("site");
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            SiteGenerator.generate(db, SiteFixture.knownAnalyses(), new SiteOptions(site, Optional.empty(), "default",
                    "", "https://example.github.io/repo/", List.of("1.0.0..1.1.0"), false, ""));
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/repo/", exchange -> {
            String path = exchange.getRequestURI().getPath().substring("/repo/".length());
            if (path.isEmpty() || path.endsWith("/")) {
                path = path + "index.html";
            }
            Path file = site.resolve(path).normalize();
            int status = file.startsWith(site) && Files.isRegularFile(file) ? 200 : 404;
            served.add(status + " " + exchange.getRequestURI().getPath());
            byte[] body = status == 200 ? Files.readAllBytes(file) : "not found".getBytes();
            exchange.getResponseHeaders().set("Content-Type", contentType(path));
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        httpBase = "http://127.0.0.1:" + server.getAddress().getPort() + "/repo/";

        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--user-data-dir=" + Files.createTempDirectory("site-chromium"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.get().toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void fromFileUrls() throws Exception {
        String base = site.toUri().toString();
        checkAll(base, "file");
    }

    @Test
    void fromAWebServerUnderASubPath() throws Exception {
        served.clear();
        checkAll(httpBase, "http");
        assertThat(served).as("requests the server answered").isNotEmpty()
                .allSatisfy(s -> assertThat(s).startsWith("200 /repo/"));
    }

    /**
     * The main pages at a desktop and a phone width: the page body never scrolls sideways (wide
     * tables scroll inside their own box), and no table cell breaks a word (an identifier breaks
     * only after '.', '[', '=' and the like). The screenshots go to target/screenshots to be looked at.
     */
    @Test
    void mainPagesFitDesktopAndPhoneWidths() throws Exception {
        Path shots = Path.of("target/screenshots").toAbsolutePath();
        Files.createDirectories(shots);
        String base = site.toUri().toString();
        String comparison;
        try (var s = Files.list(site.resolve("compare"))) {
            comparison = "compare/" + s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("run-"))
                    .filter(n -> n.contains("vs-1-1-0")).findFirst().orElseThrow();
        }
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("dashboard", "index.html");
        pages.put("benchmark", io.benchledger.site.pages.BenchmarkPage.pageFile(SiteFixture.CRYPTO));
        pages.put("comparison", comparison);
        pages.put("runs", "runs.html");
        pages.put("data", "data.html");
        List<String> overflowing = new ArrayList<>();
        List<String> midWord = new ArrayList<>();
        try {
            for (int width : new int[] {1280, 390}) {
                driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 1600));
                for (Map.Entry<String, String> p : pages.entrySet()) {
                    driver.get(base + p.getValue());
                    waitForCharts(p.getKey().equals("benchmark") ? 2 : p.getKey().equals("dashboard") ? 1
                            : p.getKey().equals("comparison") ? 1 : 0);
                    Files.write(shots.resolve(p.getKey() + "-" + width + ".png"),
                            ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
                    Object wide = js("var w = document.documentElement.clientWidth;"
                            + "if (document.documentElement.scrollWidth <= w) { return ''; }"
                            + "var worst = null;"
                            + "document.querySelectorAll('body *').forEach(function (e) {"
                            + "  if (e.closest('.table-wrap') && !e.classList.contains('table-wrap')) { return; }"
                            + "  var r = e.getBoundingClientRect();"
                            + "  if (r.right > w + 1 && (!worst || r.right > worst.r)) { worst = { r: r.right, e: e }; } });"
                            + "return document.documentElement.scrollWidth + ' px wide'"
                            + " + (worst ? ', widest: <' + worst.e.tagName.toLowerCase() + ' class=\"' + worst.e.className + '\">' : '');");
                    if (!"".equals(wide)) {
                        overflowing.add(p.getKey() + " at " + width + " px: " + wide);
                    }
                    // a table cell's or a heading's line may end only at a space or a break point, never between two letters or digits
                    Object split = js("var out = []; var range = document.createRange();"
                            + "document.querySelectorAll('table.data tbody td, table.data tbody th, h1').forEach(function (cell) {"
                            + "  var walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT), n, top = null, prev = '';"
                            + "  while ((n = walk.nextNode())) { for (var i = 0; i < n.length; i++) {"
                            + "    var ch = n.data[i]; if (/\\s/.test(ch)) { top = null; prev = ch; continue; }"
                            + "    range.setStart(n, i); range.setEnd(n, i + 1); var rs = range.getClientRects();"
                            + "    if (!rs.length) { continue; }"
                            + "    if (top !== null && rs[0].top > top + 2 && /[A-Za-z0-9]/.test(prev) && /[A-Za-z0-9]/.test(ch)"
                            + "        && out.indexOf(cell.textContent) < 0) { out.push(cell.textContent); }"
                            + "    top = rs[0].top; prev = ch; } } });"
                            + "return out.slice(0, 5).join(' | ');");
                    if (!"".equals(split)) {
                        midWord.add(p.getKey() + " at " + width + " px: " + split);
                    }
                }
            }
        } finally {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        }
        assertThat(overflowing).as("pages whose body scrolls sideways").isEmpty();
        assertThat(midWord).as("table cells and headings broken inside a word").isEmpty();
    }

    private void checkAll(String base, String tag) throws Exception {
        // dashboard: the duration chart; the hostile commit message shown as text
        open(base, "index.html", tag + "-dashboard", 1);
        assertThat(driver.findElement(By.cssSelector(".message")).getText()).isEqualTo(SiteFixture.HOSTILE_MESSAGE);

        // benchmarks: search filters the list
        open(base, "benchmarks.html", tag + "-benchmarks", 0);
        WebElement filter = driver.findElement(By.id("filter"));
        filter.sendKeys("crypto");
        assertThat(visibleRows("t-benchmarks")).containsExactly(SiteFixture.CRYPTO);
        filter.clear();
        filter.sendKeys("img");
        assertThat(visibleRows("t-benchmarks")).containsExactly(SiteFixture.HOSTILE_NAME);
        open(base, "benchmarks.html?q=latency", tag + "-search", 0);
        assertThat(visibleRows("t-benchmarks")).containsExactly(SiteFixture.LATENCY);

        // a benchmark page: history and distribution drawn, both x-axis modes, series picker
        String crypto = io.benchledger.site.pages.BenchmarkPage.pageFile(SiteFixture.CRYPTO);
        open(base, crypto, tag + "-benchmark", 2);
        driver.findElement(By.cssSelector("input[name='xmode'][value='version']")).click();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("series-pick"))).selectByVisibleText("size=64 thrpt");
        assertChartsDrawn(2);
        assertThat(driver.findElement(By.id("history-note")).getText()).isEqualTo("Showing all 40 points.");
        screenshot(tag + "-benchmark-by-version");
        checkConsoleAndRequests(base, tag + " " + crypto + " after interaction");

        // the hostile benchmark: its name is the page's heading, as text
        open(base, io.benchledger.site.pages.BenchmarkPage.pageFile(SiteFixture.HOSTILE_NAME), tag + "-hostile", 2);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(SiteFixture.HOSTILE_NAME);
        assertThat(driver.findElements(By.cssSelector("main img"))).isEmpty();

        // a comparison page: chart drawn, table sorts by change (a button per header)
        open(base, "versions.html", tag + "-versions", 0);
        String href = driver.findElement(By.linkText("Latest run against the last release (1.1.0)")).getAttribute("href");
        driver.get(href);
        waitForCharts(1);
        List<WebElement> sortButtons = driver.findElements(By.cssSelector("table.sortable thead button.sort"));
        WebElement change = sortButtons.stream().filter(b -> b.getText().equals("Change")).findFirst().orElseThrow();
        change.click();
        assertThat(firstColumnValues("Change")).containsExactly("-0.2", "0.0");
        change.click();
        assertThat(firstColumnValues("Change")).containsExactly("0.0", "-0.2");
        assertThat(change.findElement(By.xpath("..")).getAttribute("aria-sort")).isEqualTo("descending");
        screenshot(tag + "-comparison");
        checkConsoleAndRequests(base, tag + " comparison");

        // the data page: queries against the published address, archive files linked
        open(base, "data.html", tag + "-data", 0);
        assertThat(driver.findElement(By.id("sql-1")).getText())
                .contains("read_parquet('https://example.github.io/repo/data/results/project=default/version=1.2.0-SNAPSHOT/");
        // runs and results; the raw samples stay in the archive without --publish-samples
        assertThat(driver.findElements(By.cssSelector("#t-archive-files tbody tr"))).hasSize(2 * 46);

        open(base, "runs.html", tag + "-runs", 0);
        open(base, "ab.html", tag + "-ab", 0);
    }

    private void open(String base, String page, String shot, int charts) throws Exception {
        driver.get(base + page);
        waitForCharts(charts);
        screenshot(shot);
        checkConsoleAndRequests(base, page);
    }

    private void waitForCharts(int charts) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(js(
                "return document.readyState === 'complete' && Array.isArray(window.BL_CHARTS) && window.BL_CHARTS.length >= "
                        + charts)));
        assertChartsDrawn(charts);
    }

    @SuppressWarnings("unchecked")
    private void assertChartsDrawn(int charts) {
        List<Object> sizes = (List<Object>) js("return window.BL_CHARTS.map(function (c) {"
                + " var cv = c.getDom().querySelector('canvas, svg'); if (!cv) { return 0; }"
                + " var r = cv.getBoundingClientRect(); return Math.round(r.width * r.height); })");
        assertThat(sizes).hasSize(charts);
        assertThat(sizes).allSatisfy(s -> assertThat(((Number) s).longValue()).isGreaterThan(10_000));
    }

    @SuppressWarnings("unchecked")
    private void checkConsoleAndRequests(String base, String page) {
        try {
            driver.switchTo().alert();
            throw new AssertionError(page + ": a dialog opened: " + driver.switchTo().alert().getText());
        } catch (NoAlertPresentException expected) {
            // no dialog: the hostile texts stayed text
        }
        List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
        List<String> severe = entries.stream().filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage).toList();
        assertThat(severe).as(page + ": browser console errors and warnings").isEmpty();
        List<Object> resources = (List<Object>) js(
                "return performance.getEntriesByType('resource').map(function (e) { return e.name; })");
        assertThat(resources).as(page + ": every request stays inside the site")
                .allSatisfy(r -> assertThat((String) r).startsWith(base));
        assertThat(js("return document.querySelectorAll('img[src]:not([src^=\"data:\"])').length")).isEqualTo(0L);
    }

    private List<String> visibleRows(String tableId) {
        return driver.findElements(By.cssSelector("#" + tableId + " tbody tr")).stream().filter(WebElement::isDisplayed)
                .map(r -> r.findElement(By.cssSelector("th")).getText()).collect(Collectors.toList());
    }

    /** Raw values of the named column in the first sortable table, in displayed order. */
    @SuppressWarnings("unchecked")
    private List<String> firstColumnValues(String column) {
        return (List<String>) js("var t = document.querySelector('table.sortable');"
                + "var heads = Array.prototype.map.call(t.tHead.rows[0].cells, function (c) { return c.textContent.trim(); });"
                + "var i = heads.indexOf(arguments[0]);"
                + "return Array.prototype.map.call(t.tBodies[0].rows, function (r) { return r.cells[i].getAttribute('data-v'); });",
                column);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private void screenshot(String name) throws IOException {
        Files.write(work.resolve("screenshots").resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    private static String contentType(String path) {
        Map<String, String> types = Map.of(".html", "text/html; charset=utf-8", ".js", "text/javascript; charset=utf-8",
                ".css", "text/css; charset=utf-8", ".json", "application/json", ".xml", "application/atom+xml",
                ".csv", "text/csv; charset=utf-8", ".sql", "text/plain; charset=utf-8");
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "application/octet-stream" : types.getOrDefault(path.substring(dot), "application/octet-stream");
    }

    static Optional<Path> onPath(String... names) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String n : names) {
                Path p = Path.of(dir, n);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var s = Files.walk(p)) {
            for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
