package io.benchledger.site.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.benchledger.archive.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real JFR recording of a thread that spends its time in a known method, read back as a flame graph. */
class JfrProfileTest {
    @TempDir
    static Path dir;
    static Path recording;
    static volatile long sink;

    /** The method the samples must find on top of the stack. */
    static long burnCpu(long n) {
        long h = 1125899906842597L;
        for (long i = 0; i < n; i++) {
            h = 31 * h + (i ^ (h >>> 7));
        }
        return h;
    }

    static void caller(long until) {
        while (System.nanoTime() < until) {
            sink += burnCpu(200_000);
        }
    }

    /**
     * Records until the burner has been sampled often enough: JFR samples a thread only while it runs,
     * and on a loaded machine 1.5 s of wall time can give it a handful of samples (at most 30 s).
     */
    @BeforeAll
    static void record() throws Exception {
        recording = dir.resolve("profile.jfr");
        long deadline = System.nanoTime() + 30_000_000_000L;
        try (Recording r = new Recording()) {
            r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            r.start();
            do {
                Thread t = new Thread(() -> caller(System.nanoTime() + 1_500_000_000L), "burner");
                t.start();
                t.join();
                r.dump(recording);
            } while (JfrProfile.read(recording, 10).samples() <= 40 && System.nanoTime() < deadline);
            r.stop();
            r.dump(recording);
        }
    }

    @Test
    void samplesBecomeACallTreeAndTheHotMethodTopsTheTable() {
        JfrProfile.Profile p = JfrProfile.read(recording, 10);
        assertThat(p.samples()).isGreaterThan(20);
        String burn = JfrProfileTest.class.getName() + ".burnCpu";
        String caller = JfrProfileTest.class.getName() + ".caller";
        assertThat(p.top().get(0).method()).isEqualTo(burn);
        assertThat(p.top().get(0).self()).isGreaterThan(p.samples() / 2);

        List<JfrProfile.Frame> frames = p.frames();
        assertThat(frames.get(0)).isEqualTo(new JfrProfile.Frame(0, 0, p.samples(), 0, "all"));
        // burnCpu sits right above its caller, within the caller's span
        JfrProfile.Frame c = frames.stream().filter(f -> f.method().equals(caller)).findFirst().orElseThrow();
        JfrProfile.Frame b = frames.stream().filter(f -> f.method().equals(burn) && f.depth() == c.depth() + 1).findFirst().orElseThrow();
        assertThat(b.start()).isBetween(c.start(), c.start() + c.samples());
        assertThat(b.start() + b.samples()).isLessThanOrEqualTo(c.start() + c.samples());
        // every frame lies within a frame one level down (its caller)
        for (JfrProfile.Frame f : frames) {
            if (f.depth() > 0) {
                assertThat(frames.stream().anyMatch(g -> g.depth() == f.depth() - 1 && g.start() <= f.start()
                        && f.start() + f.samples() <= g.start() + g.samples())).as(f.toString()).isTrue();
            }
        }
    }

    @Test
    void aFileThatIsNotARecordingIsOneClearLine() throws Exception {
        Path bad = Files.writeString(dir.resolve("broken.jfr"), "not a flight recording");
        assertThatThrownBy(() -> JfrProfile.read(bad, 10)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(bad + ": not a readable JFR recording (");
        Path truncated = dir.resolve("truncated.jfr");
        byte[] all = Files.readAllBytes(recording);
        Files.write(truncated, java.util.Arrays.copyOf(all, all.length / 3));
        assertThatThrownBy(() -> JfrProfile.read(truncated, 10)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(truncated + ": not a readable JFR recording");
    }
}
