package io.benchledger.collector.experiment;

import java.util.SortedMap;

/** What an experiment report says about a case besides the numbers. */
public record CaseInfo(String caseKey, String benchmark, SortedMap<String, String> params, String mode, String unit,
                       boolean higherIsBetter) {
}
