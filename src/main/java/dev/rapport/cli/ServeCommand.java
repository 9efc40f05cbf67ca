package dev.rapport.cli;

import dev.rapport.App;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "serve", description = "Runs Rapport: webhook, web chat, workers and sender, until stopped (Ctrl-C).")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws InterruptedException {
        App app = App.start(config.load());
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            app.close();
                            stopped.countDown();
                        },
                        "shutdown"));
        try {
            app.ready().join();
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            // The server answered /healthz but can never be ready (a malformed NLU training file, say):
            // stop with the reason rather than stay up unready. The shutdown hook closes the app.
            System.err.println(
                    "Rapport could not become ready: " + (e.getCause() == null ? e : e.getCause()).getMessage());
            return 1;
        }
        stopped.await();
        return 0;
    }
}
