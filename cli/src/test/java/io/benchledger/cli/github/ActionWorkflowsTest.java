package io.benchledger.cli.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * action.yml and the action's workflows in docs/github-pages.md cannot run here (they need GitHub):
 * check that they parse, that every input a workflow passes exists, that each workflow asks for the
 * permissions its page names, and that action.yml passes each input on to the script.
 */
class ActionWorkflowsTest {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.exists(p.resolve("action.yml"))) {
            p = p.getParent();
        }
        return p;
    }

    /** The yaml blocks of github-pages.md after the action's heading, by their workflow name. */
    static Map<String, JsonNode> workflows() throws Exception {
        String md = Files.readString(root().resolve("docs/github-pages.md"));
        String part = md.substring(md.indexOf("## With the benchledger action"));
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(part);
        Map<String, JsonNode> out = new LinkedHashMap<>();
        while (m.find()) {
            JsonNode wf = YAML.readTree(m.group(1));
            out.put(wf.get("name").asText(), wf);
        }
        return out;
    }

    @Test
    void theActionParsesAndHandsEveryInputToTheScript() throws Exception {
        JsonNode action = YAML.readTree(root().resolve("action.yml").toFile());
        assertThat(action.at("/runs/using").asText()).isEqualTo("composite");
        List<String> uses = new ArrayList<>();
        action.at("/runs/steps").forEach(s -> {
            if (s.has("uses")) {
                uses.add(s.get("uses").asText());
            }
            if (s.has("run")) {
                assertThat(s.get("shell").asText()).as("composite run steps need a shell").isEqualTo("bash");
            }
        });
        assertThat(uses).containsExactly("actions/setup-java@v4", "actions/cache@v4");
        JsonNode run = null;
        for (JsonNode s : action.at("/runs/steps")) {
            if ("run".equals(s.path("id").asText())) {
                run = s;
            }
        }
        assertThat(run).isNotNull();
        String env = run.get("env").toString();
        String script = Files.readString(root().resolve("action/run.sh"));
        for (Iterator<String> it = action.get("inputs").fieldNames(); it.hasNext(); ) {
            String input = it.next();
            if (input.equals("java-version")) {
                continue; // used by setup-java
            }
            assertThat(env).as(input).contains("inputs." + input);
        }
        // every BL_ variable the step sets is read by the script
        Matcher vars = Pattern.compile("\"(BL_[A-Z_]+)\"").matcher(env);
        while (vars.find()) {
            assertThat(script).as(vars.group(1)).contains(vars.group(1));
        }
        assertThat(action.at("/outputs/exit-code/value").asText()).isEqualTo("${{ steps.run.outputs.exit-code }}");
        // it runs the distribution users install: built by the distribution module, unpacked, bin/benchledger
        StringBuilder steps = new StringBuilder();
        action.at("/runs/steps").forEach(s -> steps.append(s.path("run").asText()).append('\n'));
        assertThat(steps).contains("-pl distribution -am package").contains("tar -xzf distribution/target/benchledger-");
        assertThat(run.at("/env/BL_COMMAND").asText()).endsWith("/distribution/target/installed/bin/benchledger");
    }

    @Test
    void theDocumentedWorkflowsUseRealInputsAndTheirPermissions() throws Exception {
        JsonNode action = YAML.readTree(root().resolve("action.yml").toFile());
        Map<String, JsonNode> wfs = workflows();
        assertThat(wfs.keySet()).contains("benchmarks on pull requests", "nightly benchmarks (action)");
        for (JsonNode wf : wfs.values()) {
            wf.get("jobs").forEach(job -> job.path("steps").forEach(step -> {
                if (step.path("uses").asText().startsWith("benchledger/benchledger@")) {
                    step.path("with").fieldNames().forEachRemaining(in ->
                            assertThat(action.get("inputs").has(in)).as(wf.get("name") + ": input " + in).isTrue());
                }
            }));
        }
        JsonNode pr = wfs.get("benchmarks on pull requests");
        assertThat(pr.at("/on/pull_request/branches/0").asText()).isEqualTo("main");
        assertThat(pr.at("/permissions/pull-requests").asText()).isEqualTo("write");
        assertThat(pr.at("/permissions/contents").asText()).as("a pull request never writes the archive").isEqualTo("read");
        JsonNode nightly = wfs.get("nightly benchmarks (action)");
        assertThat(nightly.at("/on/schedule/0/cron").asText()).matches("\\d+ \\d+ \\* \\* \\*");
        assertThat(nightly.at("/permissions/contents").asText()).isEqualTo("write");
        assertThat(nightly.at("/permissions/pages").asText()).isEqualTo("write");
        assertThat(nightly.at("/jobs/benchmark/steps/1/with/mode").asText()).isEqualTo("nightly");
        assertThat(nightly.at("/jobs/benchmark/outputs/exit-code").asText()).isEqualTo("${{ steps.bench.outputs.exit-code }}");

        JsonNode weekly = wfs.get("weekly profiling");
        assertThat(weekly.at("/on/schedule/0/cron").asText()).matches("\\d+ \\d+ \\* \\* [0-6]");
        assertThat(weekly.at("/permissions/contents").asText()).isEqualTo("write");
        StringBuilder runs = new StringBuilder();
        weekly.at("/jobs/profile/steps").forEach(st -> runs.append(st.path("run").asText()).append('\n'));
        assertThat(runs).contains("benchledger collect --jar target/benchmarks.jar --profile-with async").contains("benchledger site --out site");
        var cl = io.benchledger.cli.BenchledgerCommand.commandLine();
        for (String cmd : List.of("collect", "site")) {
            String line = runs.substring(runs.indexOf("benchledger " + cmd));
            Matcher opts = Pattern.compile("--[a-z-]+").matcher(line.substring(0, line.indexOf('\n')));
            while (opts.find()) {
                assertThat(cl.getSubcommands().get(cmd).getCommandSpec().findOption(opts.group())).as(cmd + " " + opts.group()).isNotNull();
            }
        }
    }
}
