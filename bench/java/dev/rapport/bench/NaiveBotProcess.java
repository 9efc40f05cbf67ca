package dev.rapport.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The naive bot ({@code bench/naive}) in a JVM of its own, with the class path {@code bench/intake.sh}
 * wrote to {@code target/naive-classpath.txt}; its output goes to {@code target/naive-bot.log}.
 * Closing stops it. Not thread-safe.
 */
final class NaiveBotProcess implements AutoCloseable {

    static final String PATH = "/naive";
    private static final Path CLASS_PATH = Path.of("target/naive-classpath.txt");

    private final Process process;
    private final int port;

    NaiveBotProcess(String jdbcUrl, int poolSize, int botApiPort, String token) throws IOException {
        if (!Files.exists(CLASS_PATH)) {
            throw new IllegalStateException(CLASS_PATH + " is missing: run the benchmark through bench/intake.sh, "
                    + "which builds bench/naive");
        }
        this.port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(List.of(
                        java,
                        "-Xms1g",
                        "-Xmx1g",
                        "-XX:+UseG1GC",
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        "-cp",
                        Files.readString(CLASS_PATH).strip(),
                        "dev.rapport.bench.naive.NaiveBot",
                        Integer.toString(port),
                        jdbcUrl,
                        Integer.toString(poolSize),
                        Integer.toString(botApiPort),
                        token,
                        PATH))
                .redirectError(Path.of("target/naive-bot.log").toFile())
                .start();
        awaitReady();
    }

    private void awaitReady() throws IOException {
        var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.equals("ready")) {
                return;
            }
        }
        throw new IllegalStateException("The naive bot stopped before it was ready; see target/naive-bot.log");
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
        }
    }
}
