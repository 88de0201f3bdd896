package io.benchledger.report.model;

/**
 * An optimisation or measurement recommendation, with the evidence it rests on.
 *
 * @param rule the rule that fired (for example {@code unstable case}, {@code tail latency})
 * @param subject the case (or suite) it concerns
 * @param advice what to do, one or two sentences
 * @param evidence the measured numbers that made the rule fire
 */
public record Recommendation(String rule, String subject, String advice, String evidence) {
}
