package dev.jitgroups.bot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** The application in a JVM of its own, started from the built artefacts; its output goes to a log file. */
final class AppProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;

    private AppProcess(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts {@code command} in {@code dir} with {@code env} as its whole environment (and this machine's PATH), as a
     * container or service starts it: nothing of the test run's own environment leaks in.
     *
     * @param port where the application will listen (for the health checks), set by the caller's configuration
     */
    static AppProcess start(String name, List<String> command, Path dir, Map<String, String> env, Path log, int port) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(env);
        try {
            return new AppProcess(name, builder.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    Process process() {
        return process;
    }

    /** Waits until {@code /actuator/health} answers UP; fails at once, with the log, if the process ends first. */
    AppProcess awaitHealthy(Duration atMost) {
        Awaitility.await(name + " healthy").atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(process.isAlive()).as("%s ended before it was healthy:%n%s", name, log()).isTrue();
            HttpResponse<String> health = getOrNull("/actuator/health", null);
            return health != null && health.statusCode() == 200 && health.body().contains("\"status\":\"UP\"");
        });
        return this;
    }

    /** GET on loopback; {@code basic} is {@code user:password} or null. */
    HttpResponse<String> get(String path, String basic) {
        HttpResponse<String> response = getOrNull(path, basic);
        assertThat(response).as("%s answered %s", name, path).isNotNull();
        return response;
    }

    HttpResponse<String> post(String path, String json) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(name + " did not answer " + path + ":\n" + log(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> getOrNull(String path, String basic) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET();
        if (basic != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    basic.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** SIGTERM, as a container runtime or service manager stops it; the exit code. */
    int stop(Duration atMost) throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(atMost.toSeconds(), TimeUnit.SECONDS)).as("%s stopped:%n%s", name, log()).isTrue();
        return process.exitValue();
    }

    /** SIGKILL: the instance dies with whatever it was doing. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no log yet)";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
