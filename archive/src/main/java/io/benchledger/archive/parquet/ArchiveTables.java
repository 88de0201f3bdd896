package io.benchledger.archive.parquet;

import io.benchledger.archive.model.Percentiles;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.Sample;
import io.benchledger.archive.parquet.Column.ColumnType;
import java.util.List;
import java.util.function.Function;

/**
 * The three archive tables as stored. Partition columns ({@code project}, {@code version}) live in
 * the folder names only: engines such as Spark refuse a column that is both in the file and in the
 * path.
 */
public final class ArchiveTables {
    /** Bumped when a column is added; readers use {@code union_by_name} so older files still read. */
    public static final int SCHEMA_VERSION = 1;

    public static final TableSchema<Run> RUNS = new TableSchema<>("runs", List.of(
            str("run_id", Run::runId, false),
            str("suite", Run::suite),
            str("suite_version", Run::suiteVersion),
            str("environment", Run::environment),
            str("trigger", Run::trigger),
            str("variant", Run::variant),
            str("commit", Run::commit),
            str("branch", Run::branch),
            new Column<>("commit_time", ColumnType.TIMESTAMP, true, r -> r.commitTime().orElse(null)),
            new Column<>("started_at", ColumnType.TIMESTAMP, false, Run::startedAt),
            new Column<>("finished_at", ColumnType.TIMESTAMP, false, Run::finishedAt),
            str("host", Run::host),
            str("os", Run::os),
            str("arch", Run::arch),
            str("cpu_model", Run::cpuModel),
            new Column<>("cpu_count", ColumnType.INT, true, r -> r.cpuCount() > 0 ? r.cpuCount() : null),
            new Column<>("memory_bytes", ColumnType.LONG, true, r -> r.memoryBytes() > 0 ? r.memoryBytes() : null),
            str("jvm_vendor", Run::jvmVendor),
            str("jvm_version", Run::jvmVersion),
            str("jvm_args", Run::jvmArgs),
            str("harness", Run::harness),
            str("harness_version", Run::harnessVersion),
            str("source_format", Run::sourceFormat),
            str("source_sha256", Run::sourceSha256),
            str("tool_version", Run::toolVersion),
            new Column<>("labels", ColumnType.STRING_MAP, false, Run::labels)));

    public static final TableSchema<Result> RESULTS = new TableSchema<>("results", List.of(
            str("run_id", Result::runId, false),
            str("case_key", Result::caseKey, false),
            str("benchmark", Result::benchmark, false),
            new Column<>("params", ColumnType.STRING_MAP, false, Result::params),
            str("mode", Result::mode, false),
            str("metric", Result::metric, false),
            str("unit", Result::unit),
            new Column<>("higher_is_better", ColumnType.BOOLEAN, false, Result::higherIsBetter),
            Column.requiredInt("threads", Result::threads),
            Column.requiredInt("forks", Result::forks),
            Column.requiredInt("warmup_iterations", Result::warmupIterations),
            str("warmup_time", Result::warmupTime),
            Column.requiredInt("measurement_iterations", Result::measurementIterations),
            str("measurement_time", Result::measurementTime),
            Column.requiredDouble("score", Result::score),
            Column.requiredDouble("score_error", Result::scoreError),
            Column.requiredDouble("ci_low", Result::ciLow),
            Column.requiredDouble("ci_high", Result::ciHigh),
            Column.requiredLong("sample_count", Result::sampleCount),
            pct("p0", Percentiles::p0),
            pct("p50", Percentiles::p50),
            pct("p90", Percentiles::p90),
            pct("p95", Percentiles::p95),
            pct("p99", Percentiles::p99),
            pct("p999", Percentiles::p999),
            pct("p100", Percentiles::p100),
            str("failure", Result::failure)));

    public static final TableSchema<Sample> SAMPLES = new TableSchema<>("samples", List.of(
            str("run_id", Sample::runId, false),
            str("case_key", Sample::caseKey, false),
            str("metric", Sample::metric, false),
            Column.requiredInt("fork", Sample::fork),
            Column.requiredInt("iteration", Sample::iteration),
            Column.requiredDouble("value", Sample::value),
            Column.requiredLong("weight", Sample::weight)));

    private ArchiveTables() {
    }

    /** Optional text: an empty string is stored as NULL. */
    private static <T> Column<T> str(String name, Function<T, String> get) {
        return new Column<>(name, ColumnType.STRING, true, r -> {
            String v = get.apply(r);
            return v == null || v.isEmpty() ? null : v;
        });
    }

    private static <T> Column<T> str(String name, Function<T, String> get, boolean optional) {
        return optional ? str(name, get) : new Column<>(name, ColumnType.STRING, false, r -> get.apply(r));
    }

    private static Column<Result> pct(String name, java.util.function.ToDoubleFunction<Percentiles> get) {
        return new Column<>(name, ColumnType.DOUBLE, true,
                r -> r.percentiles().isPresent() ? get.applyAsDouble(r.percentiles().get()) : null);
    }
}
