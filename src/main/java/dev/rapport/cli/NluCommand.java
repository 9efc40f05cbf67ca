package dev.rapport.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rapport nlu}: train, try and evaluate the language understanding from the command line.
 * The composition root registers it as a subcommand; it needs nothing injected.
 */
@Command(
        name = "nlu",
        description = "Train, try and evaluate language, intent and sentiment detection.",
        mixinStandardHelpOptions = true,
        subcommands = {NluPredictCommand.class, NluEvalCommand.class, NluTrainCommand.class})
public final class NluCommand implements Runnable {

    @Spec
    CommandSpec spec;

    public NluCommand() {}

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: use predict, eval or train (see --help)");
    }
}
