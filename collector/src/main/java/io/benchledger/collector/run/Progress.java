package io.benchledger.collector.run;

import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a collection: benchmark case n of m, elapsed and remaining time. On a terminal a
 * progress bar; otherwise (CI logs, redirected output) a plain line on stderr at most every
 * {@link Plain#PERIOD}, so logs stay short.
 */
public interface Progress extends AutoCloseable {
    /** A new case started. */
    void caseStarted(int n, int total, String caseKey, Duration elapsed);

    @Override
    void close();

    /** The bar on a terminal, plain lines otherwise. */
    public static Progress forStderr() {
        return System.console() != null ? new Bar() : new Plain(System.err);
    }

    static Progress none() {
        return new Progress() {
            @Override
            public void caseStarted(int n, int total, String caseKey, Duration elapsed) {
            }

            @Override
            public void close() {
            }
        };
    }

    /** Remaining time from the mean time per finished case: elapsed / (n − 1) × (total − n + 1). */
    static Duration remaining(int n, int total, Duration elapsed) {
        if (n <= 1 || total < n) {
            return Duration.ZERO;
        }
        long perCase = elapsed.toMillis() / (n - 1);
        return Duration.ofMillis(perCase * (total - n + 1));
    }

    static String format(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    /** Plain lines, for logs. */
    final class Plain implements Progress {
        static final Duration PERIOD = Duration.ofSeconds(10);
        private final PrintStream out;
        private Duration last = Duration.ofDays(-1);

        public Plain(PrintStream out) {
            this.out = out;
        }

        @Override
        public void caseStarted(int n, int total, String caseKey, Duration elapsed) {
            if (n == 1 || n == total || elapsed.minus(last).compareTo(PERIOD) >= 0) {
                last = elapsed;
                out.println("benchledger: case " + n + " of " + total + ", elapsed " + format(elapsed)
                        + (n > 1 ? ", remaining ~" + format(remaining(n, total, elapsed)) : "") + ": " + caseKey);
                out.flush();
            }
        }

        @Override
        public void close() {
        }
    }

    /** A progress bar (me.tongfei.progressbar) on the terminal. */
    final class Bar implements Progress {
        private ProgressBar bar;

        @Override
        public void caseStarted(int n, int total, String caseKey, Duration elapsed) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName("collect").setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII).setUnit(" cases", 1).showSpeed().build();
            }
            bar.maxHint(Math.max(total, n));
            bar.stepTo(n - 1);
            String name = caseKey.length() > 50 ? "…" + caseKey.substring(caseKey.length() - 49) : caseKey;
            bar.setExtraMessage(name);
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.stepTo(bar.getMax());
                bar.close();
            }
        }
    }
}
