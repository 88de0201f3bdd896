package io.benchledger.collector.run;

import io.benchledger.archive.model.Mode;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Sample;
import io.benchledger.collector.config.SuiteMeasures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The derived metric {@code throughput.bytes} (B/s, higher is better) of cases whose suite names a
 * payload-size parameter ({@code bytesParam}). From the primary score s of a case of payload b bytes:
 * <pre>  ops per time (thrpt):  B/s = b · s · (time units per second)
 *  time per op (avgt, ss): B/s = b / (s · seconds per time unit)</pre>
 * Iteration scores are converted the same way, so the derived metric has its own samples and is
 * compared like any other. Sample-mode cases are left out: their samples are histogram buckets of
 * single calls, whose throughput is not the mean's, and the throughput twin of the case carries it.
 */
final class BytesThroughput {
    static final String METRIC = "throughput.bytes";
    static final String UNIT = "B/s";

    private BytesThroughput() {
    }

    /** The derived results and samples for {@code results}, empty when the suite names no bytes parameter. */
    static void derive(SuiteMeasures measures, List<Result> results, List<Sample> samples) {
        List<Result> newResults = new ArrayList<>();
        List<Sample> newSamples = new ArrayList<>();
        if (measures.bytesParam().isEmpty()) {
            return;
        }
        Map<String, List<Sample>> primary = new HashMap<>();
        for (Sample s : samples) {
            if (Result.PRIMARY.equals(s.metric())) {
                primary.computeIfAbsent(s.caseKey(), k -> new ArrayList<>()).add(s);
            }
        }
        for (Result r : results) {
            if (!r.isPrimary() || r.failed() || Mode.SAMPLE_TIME.equals(r.mode()) || !measures.measuresBytes(r.benchmark())) {
                continue;
            }
            OptionalDouble bytes = bytes(r.params(), measures.bytesParam());
            Optional<Conversion> c = Conversion.of(r.unit(), bytes);
            if (c.isEmpty()) {
                continue;
            }
            Conversion conv = c.get();
            double lo = conv.apply(r.ciLow());
            double hi = conv.apply(r.ciHigh());
            newResults.add(new Result(r.runId(), r.caseKey(), r.benchmark(), r.params(), r.mode(), METRIC, UNIT, true,
                    r.threads(), r.forks(), r.warmupIterations(), r.warmupTime(), r.measurementIterations(),
                    r.measurementTime(), conv.apply(r.score()), Double.NaN, Math.min(lo, hi), Math.max(lo, hi),
                    r.sampleCount(), Optional.empty(), ""));
            for (Sample s : primary.getOrDefault(r.caseKey(), List.of())) {
                newSamples.add(new Sample(s.runId(), s.caseKey(), METRIC, s.fork(), s.iteration(), conv.apply(s.value()),
                        s.weight()));
            }
        }
        results.addAll(newResults);
        samples.addAll(newSamples);
    }

    static OptionalDouble bytes(Map<String, String> params, String name) {
        String v = params.get(name);
        if (v == null) {
            return OptionalDouble.empty();
        }
        try {
            double b = Double.parseDouble(v.trim());
            return b > 0 && Double.isFinite(b) ? OptionalDouble.of(b) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty(); // a size given as text ("1k"): not a number of bytes
        }
    }

    /** Score → B/s for one unit and payload. */
    record Conversion(double bytes, double secondsPerUnit, boolean perOp) {
        static Optional<Conversion> of(String unit, OptionalDouble bytes) {
            if (bytes.isEmpty()) {
                return Optional.empty();
            }
            String[] parts = unit.split("/");
            if (parts.length != 2) {
                return Optional.empty();
            }
            boolean perOp = "op".equals(parts[1]);
            OptionalDouble seconds = seconds(perOp ? parts[0] : parts[1]);
            if (seconds.isEmpty() || (!perOp && !"ops".equals(parts[0]))) {
                return Optional.empty();
            }
            return Optional.of(new Conversion(bytes.getAsDouble(), seconds.getAsDouble(), perOp));
        }

        double apply(double score) {
            if (Double.isNaN(score)) {
                return Double.NaN;
            }
            return perOp ? bytes / (score * secondsPerUnit) : bytes * score / secondsPerUnit;
        }

        static OptionalDouble seconds(String timeUnit) {
            return switch (timeUnit) {
                case "ns" -> OptionalDouble.of(1e-9);
                case "us", "\u00b5s" -> OptionalDouble.of(1e-6);
                case "ms" -> OptionalDouble.of(1e-3);
                case "s" -> OptionalDouble.of(1);
                case "min" -> OptionalDouble.of(60);
                default -> OptionalDouble.empty();
            };
        }
    }
}
