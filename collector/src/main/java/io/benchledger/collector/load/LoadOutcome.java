package io.benchledger.collector.load;

import java.util.List;
import java.util.Map;

/**
 * What one case measured, as the forked JVM reports it to benchledger (JSON): rates and counts of
 * the measured window, and latencies in milliseconds from each request's intended start.
 *
 * @param targetRate requests issued per second in the measured window (their intended times)
 * @param achievedRate requests completed in the window without error or timeout, per second (warm-up requests
 *                     finishing in the window count: it is the service's throughput)
 * @param issued requests whose intended start lies in the window
 * @param queue the wait from a request's intended start to its first stage (coordinated omission made visible)
 * @param stages each stage's own run time, by name
 * @param intervalTargets and intervalAchieved: the two rates second by second
 * @param firstError the first error a stage threw (empty: none)
 */
public record LoadOutcome(double targetRate, double achievedRate, long issued, long completed, long errors,
                          long timeouts, Latency request, Latency queue, Map<String, Latency> stages,
                          List<Double> intervalTargets, List<Double> intervalAchieved, String firstError) {

    /** The percentiles reported, as stored in the results table (p0 … p100). */
    public static final double[] PERCENTILES = {0, 50, 90, 95, 99, 99.9, 100};

    /** errors ÷ issued; 0 when nothing was issued. */
    public double errorRate() {
        return issued == 0 ? 0 : (double) errors / issued;
    }

    /** timeouts ÷ issued; 0 when nothing was issued. */
    public double timeoutRate() {
        return issued == 0 ? 0 : (double) timeouts / issued;
    }

    /**
     * @param count latencies recorded; @param percentiles p0, p50, p90, p95, p99, p99.9, p100 (empty when none)
     * @param intervalMeans and intervalP99s, per second of the window (NaN: nothing recorded then)
     */
    public record Latency(long count, double mean, List<Double> percentiles, List<Double> intervalMeans,
                          List<Double> intervalP99s, List<Long> intervalCounts) {
        public double p99() {
            return percentiles.isEmpty() ? Double.NaN : percentiles.get(4);
        }

        public double p50() {
            return percentiles.isEmpty() ? Double.NaN : percentiles.get(1);
        }

        public double max() {
            return percentiles.isEmpty() ? Double.NaN : percentiles.get(6);
        }
    }
}
