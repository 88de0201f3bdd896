package io.benchledger.collector.experiment;

import java.util.List;
import java.util.Objects;

/**
 * One arm of an experiment: what differs between arms is any of the JVM, its flags, the class path
 * holding the benchmarks, or JMH parameters.
 *
 * @param name the arm's name, stored as the runs' {@code variant}
 * @param javaExecutable the {@code java} to launch (a JDK's {@code bin/java})
 * @param jvmArgs flags given to that JVM; JMH's forks inherit them
 * @param classpath where the benchmarks and JMH are (a benchmarks jar, or the benchledger jar)
 * @param jmhParams {@code name=value1,value2} pairs passed as JMH {@code -p}
 */
public record Variant(String name, String javaExecutable, List<String> jvmArgs, String classpath,
                      List<String> jmhParams) {
    public Variant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(javaExecutable, "javaExecutable");
        jvmArgs = List.copyOf(jvmArgs);
        Objects.requireNonNull(classpath, "classpath");
        jmhParams = List.copyOf(jmhParams);
    }
}
