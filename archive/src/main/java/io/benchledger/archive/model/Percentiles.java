package io.benchledger.archive.model;

/** The distribution summary of a case (JMH sample mode, or any harness that gives percentiles). */
public record Percentiles(double p0, double p50, double p90, double p95, double p99, double p999, double p100) {
}
