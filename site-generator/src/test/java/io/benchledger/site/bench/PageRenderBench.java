package io.benchledger.site.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * How long a benchmark page of a generated site takes in headless Chromium until its charts are
 * drawn (site.js records the moment, in ms since the page was requested), from {@code file://},
 * median of {@code REPEAT} loads at 1280 px and at 390 px; a screenshot of each width goes to OUT.
 *
 * <pre>
 *   PageRenderBench SITE PAGE REPEAT OUT     PAGE relative to SITE, e.g. b/name-hash.html
 * </pre>
 */
public final class PageRenderBench {
    private PageRenderBench() {
    }

    public static void main(String[] args) throws Exception {
        Path site = Path.of(args[0]).toAbsolutePath();
        String page = args[1];
        int repeat = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        Files.createDirectories(out);
        for (int width : new int[] {1280, 390}) {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--window-size=" + width + ",1000", "--user-data-dir=" + Files.createTempDirectory("render-bench"));
            ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder().usingAnyFreePort().build(), options);
            try {
                driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
                List<Double> times = new ArrayList<>();
                for (int i = 0; i < repeat; i++) {
                    driver.get(site.resolve(page).toUri().toString());
                    Object drawn = null;
                    for (int wait = 0; wait < 600 && drawn == null; wait++) {
                        drawn = ((JavascriptExecutor) driver).executeScript("return window.BL_DRAWN_MS || null;");
                        if (drawn == null) {
                            Thread.sleep(10);
                        }
                    }
                    if (drawn == null) {
                        throw new IllegalStateException(page + ": the charts were not drawn within 6 s");
                    }
                    Object canvas = ((JavascriptExecutor) driver).executeScript(
                            "return document.querySelectorAll('#history-chart canvas').length;");
                    if (((Number) canvas).intValue() == 0) {
                        throw new IllegalStateException(page + ": no chart canvas");
                    }
                    times.add(((Number) drawn).doubleValue());
                }
                Files.write(out.resolve("page-" + width + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
                List<Double> sorted = times.stream().sorted().toList();
                System.out.printf("  %d px: charts drawn after %.0f ms (median of %d loads from file://; all: %s)%n", width,
                        sorted.get(sorted.size() / 2), repeat,
                        times.stream().map(t -> String.format("%.0f", t)).toList());
            } finally {
                driver.quit();
            }
        }
    }
}
