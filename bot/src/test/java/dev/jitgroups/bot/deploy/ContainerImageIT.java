package dev.jitgroups.bot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The container image without a Docker engine: the Dockerfile is rehearsed on the jar this build made (the same layer
 * extraction, the same COPY layout), then the image's ENTRYPOINT starts the application as the image's USER, in local
 * mode (embedded directory, H2 in the image's working directory) with a configuration file and a secret file in the
 * image's documented mount points. The probes the deployment examples use must answer, and so must the HEALTHCHECK.
 */
class ContainerImageIT {

    private static final Pattern CONFIG_DIR = Pattern.compile("--spring\\.config\\.additional-location=optional:file:(/\\S+/)");
    private static final Pattern SECRETS_DIR = Pattern.compile("--spring\\.config\\.import=optional:configtree:(/\\S+/)");
    private static final Pattern USER = Pattern.compile("(\\d+):(\\d+)");
    private static final String SECRET = "rehearsal-only-operator-secret";

    private static Path repository;
    private static Path work;
    private static Dockerfile dockerfile;
    private static ImageRehearsal image;
    private static int uid;
    private static int gid;

    @BeforeAll
    static void buildTheImage() throws IOException {
        repository = Path.of(System.getProperty("jitgroups.repository", "..")).toAbsolutePath().normalize();
        dockerfile = Dockerfile.read(repository.resolve("Dockerfile"));
        // readable by the image's user: JUnit's @TempDir is private to this user
        work = Files.createTempDirectory("jitgroups-image-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Matcher user = USER.matcher(dockerfile.image().last("USER").orElseThrow().arguments());
        assertThat(user.matches()).as("USER is numeric uid:gid (Kubernetes' runAsNonRoot checks it)").isTrue();
        uid = Integer.parseInt(user.group(1));
        gid = Integer.parseInt(user.group(2));
        image = new ImageRehearsal(dockerfile, repository, work).build();
    }

    @AfterAll
    static void removeTheImage() throws IOException {
        if (work != null) {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    void the_image_is_an_official_jre_base_running_a_non_root_user() {
        for (Dockerfile.Stage stage : dockerfile.stages()) {
            assertThat(stage.image()).as("official Temurin JRE, major version pinned").matches("eclipse-temurin:\\d+-jre");
        }
        assertThat(uid).as("the image's user").isNotZero();
        assertThat(image.createdUid()).as("USER is the user the image creates").isEqualTo(uid);
        assertThat(dockerfile.image().last("EXPOSE").orElseThrow().arguments()).isEqualTo("3978");
        assertThat(dockerfile.image().last("HEALTHCHECK")).isPresent();
        assertThat(Files.isRegularFile(image.path("/application/application.jar"))).isTrue();
        assertThat(repository.resolve(".dockerignore")).content().contains("!bot/target/jitgroups-bot-*.jar",
                "!deploy/image/healthcheck.sh");
    }

    @Test
    void the_start_command_runs_the_extracted_layers_with_the_mounted_config_and_secrets() throws Exception {
        List<String> entrypoint = dockerfile.image().last("ENTRYPOINT").orElseThrow().execForm();
        int port = AppProcess.freePort();
        // a setting only the mounted file carries: the application listens on this port only if it read the file
        mount(configDir(entrypoint).resolve("application.yml"), """
                server.port: %d
                management.endpoints.web.exposure.include: health,info,audit
                """.formatted(port));
        // a trailing newline, as most editors and `kubectl create secret --from-file` leave it
        mount(secretsDir(entrypoint).resolve("jit.operator.password"), SECRET + "\n");
        Map<String, String> env = new HashMap<>(image.env());
        // local mode needs loopback (docker run -e SERVER_ADDRESS=127.0.0.1 ...); the image itself listens on 0.0.0.0
        env.put("SERVER_ADDRESS", "127.0.0.1");

        try (AppProcess app = AppProcess.start("image", RunAs.command(uid, gid, image.local(entrypoint)), workdir(), env,
                work.resolve("image.log"), port)) {
            startAndCheck(app, port);
        }
    }

    /** What the started image must do: answer its probes and HEALTHCHECK, use the secret, write where it may, stop. */
    private static void startAndCheck(AppProcess app, int port) throws Exception {
        try {
            app.awaitHealthy(Duration.ofMinutes(3));

            for (String probe : kubernetesProbePaths()) {
                assertThat(app.get(probe, null).statusCode()).as("probe %s", probe).isEqualTo(200);
            }
            assertThat(healthcheck(port)).as("HEALTHCHECK on the running application").isZero();
            assertThat(healthcheck(AppProcess.freePort())).as("HEALTHCHECK where nothing listens").isNotZero();
            assertThat(app.get("/actuator/audit", null).statusCode()).as("audit without the operator").isEqualTo(401);
            assertThat(app.get("/actuator/audit", "operator:" + SECRET).statusCode()).as("audit with the secret file's "
                    + "password").isEqualTo(200);
            Path data = workdir().resolve("data");
            assertThat(data).as("H2 in the image's working directory").isDirectory();
            if (RunAs.isRoot()) {
                assertThat(Files.getAttribute(data, "unix:uid")).as("written by the image's user").isEqualTo(uid);
            }

            assertThat(app.stop(Duration.ofSeconds(60))).as("exit after SIGTERM:%n%s", app.log()).isEqualTo(143);
            assertThat(app.log()).contains("Started JitGroupsApplication").doesNotContain(SECRET);
        } catch (Exception | AssertionError e) {
            System.out.println(app.log());  // into the test report: the rehearsal's directory is removed afterwards
            throw e;
        }
    }

    @Test
    void without_an_app_id_the_image_refuses_to_listen_unauthenticated_on_every_interface() throws Exception {
        List<String> entrypoint = dockerfile.image().last("ENTRYPOINT").orElseThrow().execForm();
        int port = AppProcess.freePort();
        try (AppProcess app = AppProcess.start("image-open", RunAs.command(uid, gid, image.local(entrypoint)), workdir(),
                Map.copyOf(image.env()), work.resolve("image-open.log"), port)) {
            assertThat(app.process().waitFor(3, TimeUnit.MINUTES)).as("start-up refused:%n%s", app.log()).isTrue();
            assertThat(app.process().exitValue()).isNotZero();
            assertThat(app.log()).contains("server.address: 0.0.0.0 is not a loopback address");
        }
    }

    private static Path workdir() {
        return image.path(dockerfile.image().last("WORKDIR").orElseThrow().arguments());
    }

    private static Path configDir(List<String> entrypoint) {
        return image.path(find(entrypoint, CONFIG_DIR));
    }

    private static Path secretsDir(List<String> entrypoint) {
        return image.path(find(entrypoint, SECRETS_DIR));
    }

    private static String find(List<String> entrypoint, Pattern pattern) {
        return entrypoint.stream().map(pattern::matcher).filter(Matcher::matches).map(m -> m.group(1)).findFirst()
                .orElseThrow(() -> new AssertionError("ENTRYPOINT has no " + pattern + ": " + entrypoint));
    }

    /** A file the image's user can read (and, for a secret, only that user), as a volume mount provides it. */
    private static void mount(Path file, String content) throws IOException {
        ImageRehearsal.createDirectory(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        ImageRehearsal.setMode(file, 0400);
        ImageRehearsal.ownIfRoot(file, uid, gid);
    }

    /** Runs the image's HEALTHCHECK command against the port; its exit code. */
    private static int healthcheck(int port) throws Exception {
        List<String> command = new ArrayList<>(dockerfile.image().last("HEALTHCHECK").orElseThrow().execForm());
        command.set(0, "/usr/local/bin/" + command.get(0));  // found on the image's PATH
        ProcessBuilder builder = new ProcessBuilder(RunAs.command(uid, gid, image.local(command))).redirectErrorStream(true);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as(output).isTrue();
        return p.exitValue();
    }

    /** The liveness and readiness paths the Kubernetes example probes. */
    @SuppressWarnings("unchecked")
    private static List<String> kubernetesProbePaths() throws IOException {
        List<String> paths = new ArrayList<>();
        try (InputStream in = Files.newInputStream(repository.resolve("deploy/kubernetes/jitgroups.yaml"))) {
            for (Object doc : new Yaml().loadAll(in)) {
                Map<String, Object> resource = (Map<String, Object>) doc;
                if ("Deployment".equals(resource.get("kind"))) {
                    Map<String, Object> spec = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                            resource.get("spec")).get("template")).get("spec");
                    for (Object c : (List<Object>) spec.get("containers")) {
                        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                            Map<String, Object> p = (Map<String, Object>) ((Map<String, Object>) c).get(probe);
                            paths.add((String) ((Map<String, Object>) p.get("httpGet")).get("path"));
                        }
                    }
                }
            }
        }
        assertThat(paths).as("probes in deploy/kubernetes/jitgroups.yaml").hasSizeGreaterThanOrEqualTo(3);
        return paths;
    }
}
