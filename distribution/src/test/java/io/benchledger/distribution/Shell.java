package io.benchledger.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a process as a user's shell would, with a chosen environment, and keeps what it printed. */
record Shell(int exit, String out, String err, String what) {
    static Shell run(Path dir, List<String> command, Map<String, String> env, int timeoutSeconds)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("shell", ".out");
        Path err = Files.createTempFile("shell", ".err");
        command = new java.util.ArrayList<>(command);
        if (!command.get(0).contains("/")) {
            // found on the PATH of the given environment, as a shell would
            for (String entry : env.getOrDefault("PATH", "").split(":")) {
                Path candidate = Path.of(entry, command.get(0));
                if (Files.isExecutable(candidate)) {
                    command.set(0, candidate.toString());
                    break;
                }
            }
        }
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("timed out after " + timeoutSeconds + " s: " + command);
        }
        Shell s = new Shell(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8),
                String.join(" ", command));
        Files.delete(out);
        Files.delete(err);
        return s;
    }

    /**
     * A user's environment: HOME is the given empty folder, PATH has the JDK running the tests, Maven
     * and the usual system folders, and Maven uses the build's local repository (the CI cache).
     */
    static Map<String, String> env(Path home) {
        Map<String, String> env = new HashMap<>();
        String javaHome = System.getProperty("java.home");
        String mavenHome = System.getProperty("maven.home", "");
        env.put("HOME", home.toString());
        env.put("JAVA_HOME", javaHome);
        env.put("PATH", javaHome + "/bin" + (mavenHome.isEmpty() ? "" : ":" + mavenHome + "/bin") + ":/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "C.UTF-8");
        env.put("TMPDIR", System.getProperty("java.io.tmpdir"));
        String repo = System.getProperty("maven.repo.local", "");
        if (!repo.isEmpty()) {
            env.put("MAVEN_ARGS", "-Dmaven.repo.local=" + repo);
        }
        return env;
    }

    Shell requireExit(int expected) {
        if (exit != expected) {
            throw new AssertionError(what + ": exit " + exit + " (expected " + expected + ")\n" + out + "\n" + err);
        }
        return this;
    }
}
