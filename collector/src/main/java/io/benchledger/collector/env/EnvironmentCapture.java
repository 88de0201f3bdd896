package io.benchledger.collector.env;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.model.Run;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Reads the environment of a run. Linux facts come from /proc and /sys; elsewhere they are left
 * empty. The measuring JVM is asked for its own vendor and version, since it may be another JDK
 * than the one running benchledger.
 */
public final class EnvironmentCapture {
    /** Environment variables that say a CI system runs us, and the name recorded for each. */
    private static final Map<String, String> CI_VARIABLES = Map.of(
            "GITHUB_ACTIONS", "github-actions", "GITLAB_CI", "gitlab", "JENKINS_URL", "jenkins",
            "BUILDKITE", "buildkite", "CIRCLECI", "circleci", "TRAVIS", "travis", "TF_BUILD", "azure-pipelines",
            "TEAMCITY_VERSION", "teamcity", "BITBUCKET_BUILD_NUMBER", "bitbucket");

    private EnvironmentCapture() {
    }

    /**
     * The environment as the fields of a run: host, hardware, operating system, the measuring JVM,
     * commit, branch and commit time, and labels for what can disturb a measurement (CPU frequency
     * governor, load average, CI). Empty strings and zeros where a value could not be read. The caller
     * names the run and its times.
     *
     * @param java the measuring JVM's {@code java} executable
     * @param commit the commit given with {@code --commit}, or empty
     * @param gitDir a git work tree to read commit, branch and commit time from, or empty
     */
    public static Run.Builder capture(Path java, String commit, Optional<Path> gitDir, Map<String, String> env)
            throws IOException {
        TreeMap<String, String> labels = new TreeMap<>();
        String[] jvm = measuringJvm(java);
        readFirstLine(Path.of("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor"))
                .ifPresent(g -> labels.put("cpu.governor", g));
        readFirstLine(Path.of("/proc/loadavg")).ifPresent(l -> {
            String[] f = l.split("\\s+");
            if (f.length >= 3) {
                labels.put("load.avg", f[0] + " " + f[1] + " " + f[2]);
            }
        });
        String ci = ci(env);
        if (!ci.isEmpty()) {
            labels.put("ci", ci);
        }
        String c = commit;
        String branch = "";
        Optional<Instant> commitTime = Optional.empty();
        if (gitDir.isPresent()) {
            Path dir = gitDir.get();
            if (!Files.isDirectory(dir)) {
                throw new BadInputException("--git-dir " + dir + ": no such folder");
            }
            String rev = c.isEmpty() ? "HEAD" : c;
            c = git(dir, "rev-parse", "--verify", rev + "^{commit}");
            commitTime = Optional.of(OffsetDateTime.parse(git(dir, "show", "-s", "--format=%cI", c)).toInstant());
            if (commit.isEmpty()) {
                String b = git(dir, "rev-parse", "--abbrev-ref", "HEAD");
                branch = "HEAD".equals(b) ? "" : b;
            }
        } else if (c.isEmpty()) {
            // CI systems name the revision they build
            c = env.getOrDefault("GITHUB_SHA", env.getOrDefault("CI_COMMIT_SHA", env.getOrDefault("GIT_COMMIT", "")));
            branch = env.getOrDefault("GITHUB_REF_NAME", env.getOrDefault("CI_COMMIT_REF_NAME", env.getOrDefault("GIT_BRANCH", "")));
        }
        Run.Builder run = Run.builder("", Instant.EPOCH).host(host())
                .os(System.getProperty("os.name", "") + " " + System.getProperty("os.version", ""))
                .arch(System.getProperty("os.arch", "")).cpuModel(cpuModel())
                .cpuCount(Runtime.getRuntime().availableProcessors()).memoryBytes(memory()).jvmVendor(jvm[0])
                .jvmVersion(jvm[1]).commit(c).branch(branch).labels(labels);
        commitTime.ifPresent(run::commitTime);
        return run;
    }

    static String ci(Map<String, String> env) {
        for (Map.Entry<String, String> e : new TreeMap<>(CI_VARIABLES).entrySet()) {
            String v = env.get(e.getKey());
            if (v != null && !v.isEmpty()) {
                return e.getValue();
            }
        }
        String generic = env.get("CI");
        return generic != null && !generic.isEmpty() && !"false".equalsIgnoreCase(generic) ? "unknown" : "";
    }

    private static String host() {
        String h = System.getenv("HOSTNAME");
        if (h != null && !h.isBlank()) {
            return h;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "";
        }
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name") || line.startsWith("Model") || line.startsWith("cpu model")) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        return line.substring(colon + 1).trim();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return "";
        }
        return "";
    }

    private static long memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("MemTotal:")) {
                    String[] f = line.split("\\s+");
                    return Long.parseLong(f[1]) * 1024; // the value is in kB
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: ask the JVM
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }

    private static Optional<String> readFirstLine(Path p) {
        try {
            List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(0).trim());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {vendor, version} of a JVM, asked with {@code -XshowSettings:properties -version}. */
    static String[] measuringJvm(Path java) throws IOException {
        List<String> cmd = List.of(java.toString(), "-XshowSettings:properties", "-version");
        String out = run(cmd, null, "--jvm " + java);
        String vendor = "";
        String version = "";
        for (String line : out.split("\n")) {
            String t = line.trim();
            if (t.startsWith("java.vendor = ")) {
                vendor = t.substring("java.vendor = ".length());
            } else if (t.startsWith("java.runtime.version = ")) {
                version = t.substring("java.runtime.version = ".length());
            }
        }
        if (version.isEmpty()) {
            throw new BadInputException("--jvm " + java + ": not a Java runtime (it printed no java.runtime.version)");
        }
        return new String[] {vendor, version};
    }

    private static String git(Path dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.add("-C");
        cmd.add(dir.toString());
        cmd.addAll(List.of(args));
        return run(cmd, dir, "--git-dir " + dir).trim();
    }

    private static String run(List<String> cmd, Path dir, String what) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new BadInputException(what + ": cannot run " + cmd.get(0) + " (" + e.getMessage() + ")");
        }
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(what + ": " + String.join(" ", cmd) + " did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted", e);
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            String first = text.strip().split("\n")[0];
            throw new BadInputException(what + ": " + first);
        }
        return text;
    }
}
