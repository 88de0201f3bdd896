package io.benchledger.cli;

import io.benchledger.collector.run.CollectOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which suites to run, how, and what is measured: the options {@code nightly} and {@code release} share. */
public final class RunSelection {
    @Option(names = "--config", paramLabel = "FILE", description = "Suite configuration (YAML); default: the bundled one.")
    public Path config;

    @Option(names = "--suite", paramLabel = "NAME[:VERSION]", defaultValue = "", description = "Suite of the configuration (default: its default suite).")
    public String suite;

    @Option(names = "--quick", description = "The 'quick' profile: the whole default in a few minutes (smoke run, not for decisions).")
    public boolean quick;

    @Option(names = "--environment", paramLabel = "NAME", defaultValue = "", description = "Named environment whose overrides apply (e.g. ci).")
    public String environment;

    @Option(names = "--include", paramLabel = "REGEX", description = "Run only benchmarks in whose full name (package.Class.method, no parameters) this Java regex is found; repeatable, any may match.")
    public List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "REGEX", description = "Leave out benchmarks in whose full name (package.Class.method) this Java regex is found; repeatable.")
    public List<String> exclude = new ArrayList<>();

    @Option(names = "--jar", paramLabel = "JAR", description = "Run a JMH uber jar instead of the bundled suites.")
    public Path jar;

    @Option(names = "--commit", paramLabel = "C", defaultValue = "", description = "Commit measured.")
    public String commit;

    @Option(names = "--git-dir", paramLabel = "DIR", description = "A git work tree to read commit, branch and commit time from.")
    public Path gitDir;

    @Option(names = "--branch", paramLabel = "NAME", defaultValue = "",
            description = "Branch the run is recorded under (default: from --git-dir, else the CI's variables).")
    public String branch;

    @Option(names = "--ignore-jmh-lock", description = "Run even while another JMH run holds JMH's lock (results disturb each other).")
    public boolean ignoreJmhLock;

    public CollectOptions.Builder apply(CollectOptions.Builder b) {
        return b.config(config).suite(suite).profile(quick ? "quick" : "").environment(environment)
                .jar(jar).include(include).exclude(exclude).commit(commit).gitDir(gitDir).branch(branch).ignoreJmhLock(ignoreJmhLock);
    }
}
