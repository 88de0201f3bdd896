package io.benchledger.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a GitHub Actions workflow of the docs on this machine, as GitHub would run its jobs: each job
 * in a fresh folder, {@code run:} scripts with {@code bash -e}, {@code GITHUB_OUTPUT}, {@code
 * GITHUB_PATH}, {@code GITHUB_STEP_SUMMARY} and {@code ${{ }}} expressions for step, job and event
 * values. The actions are simulated: checkout clones the local remote, setup-java keeps the JDK of the
 * tests, upload-pages-artifact checks the folder, deploy-pages needs an upload. Anything else fails,
 * so a workflow cannot use what this runner does not check.
 */
final class WorkflowRunner {
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.*?)\\s*}}");

    private final Path root;
    private final Path origin;
    private final Map<String, String> userEnv;
    private final Map<String, String> envOverrides;
    private final Map<String, String> github;
    private final UnaryOperator<String> scriptEdit;
    final Map<String, Map<String, String>> jobOutputs = new LinkedHashMap<>();
    final Map<String, Boolean> jobPassed = new LinkedHashMap<>();
    final Map<String, Path> workspaces = new LinkedHashMap<>();
    final StringBuilder log = new StringBuilder();
    private Path pagesArtifact;

    /**
     * @param envOverrides values that replace the workflow's own {@code env} (the release download's URL)
     * @param github       values of the {@code github} context, e.g. {@code github.event.release.tag_name}
     * @param scriptEdit   applied to every {@code run:} script (to shorten the benchmark settings)
     */
    WorkflowRunner(Path root, Path origin, Map<String, String> userEnv, Map<String, String> envOverrides,
                   Map<String, String> github, UnaryOperator<String> scriptEdit) {
        this.root = root;
        this.origin = origin;
        this.userEnv = userEnv;
        this.envOverrides = envOverrides;
        this.github = github;
        this.scriptEdit = scriptEdit;
    }

    /** Runs every job in order (the docs list them after what they need); true when all passed. */
    boolean run(JsonNode workflow) throws IOException, InterruptedException {
        Map<String, String> env = new LinkedHashMap<>();
        workflow.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        env.putAll(envOverrides);
        var jobs = workflow.get("jobs").fields();
        boolean all = true;
        while (jobs.hasNext()) {
            var job = jobs.next();
            List<String> needs = new ArrayList<>();
            JsonNode n = job.getValue().path("needs");
            if (n.isArray()) {
                n.forEach(x -> needs.add(x.asText()));
            } else if (!n.isMissingNode()) {
                needs.add(n.asText());
            }
            boolean ready = needs.stream().allMatch(x -> {
                if (!jobPassed.containsKey(x)) {
                    throw new AssertionError("job " + job.getKey() + " needs " + x + ", which is not before it");
                }
                return jobPassed.get(x);
            });
            boolean passed = ready && runJob(job.getKey(), job.getValue(), env);
            jobPassed.put(job.getKey(), passed);
            all &= passed;
        }
        return all;
    }

    private boolean runJob(String name, JsonNode job, Map<String, String> workflowEnv) throws IOException, InterruptedException {
        Path work = Files.createDirectories(root.resolve("jobs").resolve(name).resolve("work"));
        Path temp = Files.createDirectories(root.resolve("jobs").resolve(name).resolve("temp"));
        workspaces.put(name, work);
        Path githubPath = temp.resolve("github_path");
        Path summary = temp.resolve("step_summary");
        Files.writeString(githubPath, "");
        Files.writeString(summary, "");
        Map<String, Map<String, String>> stepOutputs = new HashMap<>();
        Map<String, String> jobEnv = new LinkedHashMap<>(workflowEnv);
        job.path("env").fields().forEachRemaining(e -> jobEnv.put(e.getKey(), e.getValue().asText()));
        int index = 0;
        for (JsonNode step : job.get("steps")) {
            index++;
            String label = name + " / " + step.path("name").asText("step " + index);
            log.append("== ").append(label).append('\n');
            Map<String, String> outputs = new HashMap<>();
            boolean ok;
            if (step.has("uses")) {
                ok = action(step.get("uses").asText(), step.path("with"), work, outputs);
            } else {
                Path outputFile = temp.resolve("output-" + index);
                Files.writeString(outputFile, "");
                Map<String, String> env = new HashMap<>(userEnv);
                env.putAll(jobEnv);
                step.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), expand(e.getValue().asText(), stepOutputs)));
                env.put("GITHUB_OUTPUT", outputFile.toString());
                env.put("GITHUB_PATH", githubPath.toString());
                env.put("GITHUB_STEP_SUMMARY", summary.toString());
                env.put("GITHUB_WORKSPACE", work.toString());
                env.put("RUNNER_TEMP", temp.toString());
                env.put("CI", "true");
                List<String> added = Files.readAllLines(githubPath);
                StringBuilder path = new StringBuilder();
                for (int i = added.size() - 1; i >= 0; i--) {
                    if (!added.get(i).isBlank()) {
                        path.append(added.get(i).strip()).append(':');
                    }
                }
                env.put("PATH", path + env.get("PATH"));
                Path script = temp.resolve("step-" + index + ".sh");
                Files.writeString(script, scriptEdit.apply(expand(step.get("run").asText(), stepOutputs)), StandardCharsets.UTF_8);
                Path dir = work.resolve(step.path("working-directory").asText("."));
                Shell s = Shell.run(dir, List.of("bash", "--noprofile", "--norc", "-e", script.toString()), env, 600);
                log.append(s.out()).append(s.err());
                ok = s.exit() == 0;
                if (!ok) {
                    log.append("!! exit ").append(s.exit()).append('\n');
                }
                for (String line : Files.readAllLines(outputFile)) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        outputs.put(line.substring(0, eq), line.substring(eq + 1));
                    }
                }
            }
            if (step.has("id")) {
                stepOutputs.put(step.get("id").asText(), outputs);
            }
            if (!ok) {
                log.append("!! failed: ").append(label).append('\n');
                return false;
            }
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        job.path("outputs").fields().forEachRemaining(e -> outputs.put(e.getKey(), expand(e.getValue().asText(), stepOutputs)));
        jobOutputs.put(name, outputs);
        return true;
    }

    private boolean action(String uses, JsonNode with, Path work, Map<String, String> outputs)
            throws IOException, InterruptedException {
        String action = uses.substring(0, uses.indexOf('@'));
        switch (action) {
            case "actions/checkout" -> {
                Path target = work.resolve(with.path("path").asText("."));
                Files.createDirectories(target);
                List<String> cmd = new ArrayList<>(List.of("git", "clone", "-q"));
                if (with.has("ref")) {
                    cmd.addAll(List.of("--branch", with.get("ref").asText()));
                }
                cmd.addAll(List.of(origin.toString(), target.toString()));
                Shell s = Shell.run(work, cmd, userEnv, 120);
                log.append(s.out()).append(s.err());
                return s.exit() == 0;
            }
            case "actions/setup-java" -> {
                return true; // the JDK running the tests is on the PATH already
            }
            case "actions/upload-pages-artifact" -> {
                Path site = work.resolve(with.get("path").asText());
                if (!Files.isRegularFile(site.resolve("index.html"))) {
                    log.append("!! no index.html in ").append(site).append('\n');
                    return false;
                }
                pagesArtifact = site;
                return true;
            }
            case "actions/deploy-pages" -> {
                if (pagesArtifact == null) {
                    log.append("!! deploy-pages without an uploaded site\n");
                    return false;
                }
                outputs.put("page_url", "https://example.github.io/project/");
                return true;
            }
            default -> throw new AssertionError("the workflow uses " + uses + ", which this simulation does not know");
        }
    }

    Path pagesArtifact() {
        return pagesArtifact;
    }

    private String expand(String text, Map<String, Map<String, String>> stepOutputs) {
        Matcher m = EXPRESSION.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String[] p = e.split("\\.");
            String value;
            if (p.length == 4 && p[0].equals("steps") && p[2].equals("outputs")) {
                value = stepOutputs.getOrDefault(p[1], Map.of()).getOrDefault(p[3], "");
            } else if (p.length == 4 && p[0].equals("needs") && p[2].equals("outputs")) {
                value = jobOutputs.getOrDefault(p[1], Map.of()).getOrDefault(p[3], "");
            } else if (p[0].equals("github") && github.containsKey(e)) {
                value = github.get(e);
            } else {
                throw new AssertionError("expression ${{ " + e + " }} is not known to this simulation");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
