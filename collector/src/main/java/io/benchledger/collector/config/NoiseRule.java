package io.benchledger.collector.config;

import java.util.regex.Pattern;

/** The relative change below which a difference in matching cases counts as noise (0.05 is 5 %). */
public record NoiseRule(Pattern pattern, double threshold) {
}
