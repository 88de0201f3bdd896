package io.benchledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The GitHub Actions workflow of docs/github-pages.md cannot run here (it needs GitHub): check that it
 * is valid YAML with the steps the page describes, and that the commands it runs exist.
 */
class GithubWorkflowDocTest {
    @Test
    void workflowIsValidYamlWithTheDocumentedSteps() throws Exception {
        String md = Files.readString(SqlCookbookTest.locate("docs/github-pages.md"));
        // the page's first whole workflow (the nightly one); smaller yaml blocks are steps to paste into it
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(md);
        String nightlyWorkflow = null;
        while (nightlyWorkflow == null && m.find()) {
            if (m.group(1).contains("\non:") && m.group(1).contains("schedule:")) {
                nightlyWorkflow = m.group(1);
            }
        }
        assertThat(nightlyWorkflow).as("a workflow with a schedule in docs/github-pages.md").isNotNull();
        JsonNode wf = new ObjectMapper(new YAMLFactory()).readTree(nightlyWorkflow);

        assertThat(wf.at("/on/schedule/0/cron").asText()).matches("\\d+ \\d+ \\* \\* \\*");
        assertThat(wf.at("/permissions/pages").asText()).isEqualTo("write");
        assertThat(wf.at("/permissions/id-token").asText()).isEqualTo("write");
        List<String> uses = new ArrayList<>();
        List<String> runs = new ArrayList<>();
        wf.get("jobs").forEach(job -> job.get("steps").forEach(step -> {
            if (step.has("uses")) {
                uses.add(step.get("uses").asText());
            }
            if (step.has("run")) {
                runs.add(step.get("run").asText());
            }
        }));
        assertThat(uses).contains("actions/upload-pages-artifact@v3", "actions/deploy-pages@v4", "actions/setup-java@v4");
        assertThat(wf.at("/jobs/benchmark/steps/1/with/ref").asText()).isEqualTo("benchledger-archive");
        assertThat(wf.at("/jobs/benchmark/steps/1/with/path").asText()).isEqualTo("data/archive");
        assertThat(wf.at("/jobs/deploy/needs").asText()).isEqualTo("benchmark");
        String all = String.join("\n", runs);
        assertThat(all).contains("benchledger nightly").contains("$GITHUB_STEP_SUMMARY").contains("origin HEAD:benchledger-archive");

        // every option the workflow passes to nightly is one nightly has
        String call = all.substring(all.indexOf("benchledger nightly"), all.indexOf("code=$?")).replaceAll("\\$\\([^)]*\\)", "");
        Matcher opts = Pattern.compile("--[a-z-]+").matcher(call);
        var nightly = BenchledgerCommand.commandLine().getSubcommands().get("nightly").getCommandSpec();
        while (opts.find()) {
            assertThat(nightly.findOption(opts.group())).as(opts.group()).isNotNull();
        }
    }
}
