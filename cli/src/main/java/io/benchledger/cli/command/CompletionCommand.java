package io.benchledger.cli.command;

import io.benchledger.cli.BenchledgerCommand;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Prints a shell completion script for bash or zsh (picocli's generator). Install it with",
                "  source <(./benchledger completion bash)                  # bash, this shell",
                "  ./benchledger completion zsh > ~/.zfunc/_benchledger     # zsh (uses bashcompinit)"})
public final class CompletionCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    enum Shell { BASH, ZSH }

    @Override
    public Integer call() {
        String script = AutoComplete.bash("benchledger", BenchledgerCommand.commandLine());
        if (shell == Shell.ZSH) {
            // picocli's script runs under zsh through bash completion emulation
            script = "#compdef benchledger\nautoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + script;
        }
        System.out.print(script);
        return 0;
    }
}
