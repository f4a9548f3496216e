package dev.jitgroups.bot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code docker build} of the repository's Dockerfile, rehearsed without a Docker engine: each stage's file system is
 * a directory, {@code WORKDIR} and {@code COPY} are done as Docker does them, the layer extraction runs with this
 * JVM's {@code java}, and the user-creating {@code RUN} of the image stage is reduced to its effect on the file system
 * (directories owned by the image's user). Any other {@code RUN} fails the rehearsal, so the Dockerfile cannot grow a
 * step that the tests silently skip.
 */
final class ImageRehearsal {

    private static final Pattern CONTAINER_PATH = Pattern.compile("(?<=^|[=:])(/[A-Za-z0-9._/-]*)");
    private static final Pattern INSTALL_DIR = Pattern.compile(
            "install -d -o (\\d+) -g (\\d+) -m ([0-7]{4}) (/\\S+)");
    private static final Pattern USERADD_UID = Pattern.compile("useradd .*--uid (\\d+)");

    private final Dockerfile dockerfile;
    private final Path context;
    private final Path work;
    private final Map<String, String> env = new LinkedHashMap<>();
    private Integer createdUid;

    ImageRehearsal(Dockerfile dockerfile, Path context, Path work) {
        this.dockerfile = dockerfile;
        this.context = context;
        this.work = work;
    }

    /** Builds every stage; the last one's directory is then {@link #root()}. */
    ImageRehearsal build() {
        for (int i = 0; i < dockerfile.stages().size(); i++) {
            buildStage(i);
        }
        return this;
    }

    /** The image's file system. */
    Path root() {
        return stageRoot(dockerfile.stages().size() - 1);
    }

    /** Where a path of the image lies here. */
    Path path(String containerPath) {
        return root().resolve(containerPath.replaceFirst("^/+", ""));
    }

    /** The environment the image sets ({@code ENV}). */
    Map<String, String> env() {
        return Map.copyOf(env);
    }

    /** The uid of the user the image's {@code RUN} created, if one did. */
    Integer createdUid() {
        return createdUid;
    }

    /** A command of the image (ENTRYPOINT, HEALTHCHECK) as it runs here: image paths mapped, {@code java} this JVM's. */
    List<String> local(List<String> command) {
        List<String> local = new ArrayList<>();
        for (String arg : command) {
            if (local.isEmpty() && arg.equals("java")) {
                local.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                continue;
            }
            Matcher m = CONTAINER_PATH.matcher(arg);
            StringBuilder mapped = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(mapped, Matcher.quoteReplacement(path(m.group(1)) + (m.group(1).endsWith("/") ? "/" : "")));
            }
            m.appendTail(mapped);
            local.add(mapped.toString());
        }
        return local;
    }

    private Path stageRoot(int index) {
        return work.resolve("stage-" + index);
    }

    private void buildStage(int index) {
        Dockerfile.Stage stage = dockerfile.stages().get(index);
        Path root = stageRoot(index);
        String workdir = "/";
        createDirectory(root);
        for (Dockerfile.Instruction i : stage.instructions()) {
            switch (i.keyword()) {
                case "WORKDIR" -> {
                    workdir = i.arguments().startsWith("/") ? i.arguments() : workdir + "/" + i.arguments();
                    createDirectory(in(root, workdir));
                }
                case "COPY" -> copy(i, root, workdir);
                case "RUN" -> run(i, index, root, workdir);
                case "ENV" -> {
                    if (index == dockerfile.stages().size() - 1) {
                        env.putAll(i.envPairs());
                    }
                }
                case "USER", "EXPOSE", "HEALTHCHECK", "ENTRYPOINT", "CMD", "LABEL", "ARG" -> {
                    // metadata: the tests read it from the Dockerfile
                }
                default -> throw new IllegalStateException("line " + i.line() + ": ImageRehearsal does not know "
                        + i.keyword() + "; teach it, so that CI keeps checking what the image does");
            }
        }
    }

    private void copy(Dockerfile.Instruction i, Path root, String workdir) {
        List<String> words = i.words();
        String destination = words.get(words.size() - 1);
        Path target = destination.startsWith("/") ? in(root, destination) : in(root, workdir + "/" + destination);
        String from = i.flags().get("from");
        Path sourceRoot = from == null ? context : stageRoot(dockerfile.stages().indexOf(dockerfile.stage(from)));
        for (String source : words.subList(0, words.size() - 1)) {
            List<Path> matches = glob(sourceRoot, source);
            assertThat(matches).as("line %d: COPY %s matches exactly one path in %s", i.line(), source, sourceRoot)
                    .hasSize(1);
            copyInto(matches.get(0), target, destination.endsWith("/") || destination.equals("."));
        }
        String chmod = i.flags().get("chmod");
        if (chmod != null) {
            setMode(target, Integer.parseInt(chmod, 8));
        }
    }

    private void run(Dockerfile.Instruction i, int index, Path root, String workdir) {
        String command = i.arguments();
        if (command.startsWith("java -Djarmode=tools ")) {
            execute(local(List.of(command.split("\\s+"))), in(root, workdir));
            // what a RUN creates carries Docker's umask (022), whatever this test run's umask is
            applyDockerUmask(in(root, workdir));
            return;
        }
        if (index == dockerfile.stages().size() - 1 && command.contains("useradd ")) {
            for (String step : command.split("&&")) {
                Matcher uid = USERADD_UID.matcher(step);
                if (uid.find()) {
                    createdUid = Integer.parseInt(uid.group(1));
                }
                Matcher dir = INSTALL_DIR.matcher(step.strip());
                if (dir.matches()) {
                    Path created = in(root, dir.group(4));
                    createDirectory(created);
                    setMode(created, Integer.parseInt(dir.group(3), 8));
                    ownIfRoot(created, Integer.parseInt(dir.group(1)), Integer.parseInt(dir.group(2)));
                }
            }
            return;
        }
        throw new IllegalStateException("line " + i.line() + ": ImageRehearsal cannot rehearse RUN " + command
                + "; teach it, so that CI keeps checking what the image does");
    }

    private static void execute(List<String> command, Path dir) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("%s:%n%s", command, output).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void applyDockerUmask(Path dir) {
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path p : tree.toList()) {
                setMode(p, Files.isDirectory(p) ? 0755 : 0644);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path in(Path root, String containerPath) {
        return root.resolve(containerPath.replaceAll("/+", "/").replaceFirst("^/", "")).normalize();
    }

    private static List<Path> glob(Path root, String pattern) {
        String clean = pattern.replaceFirst("^/", "").replaceFirst("/$", "");
        Path parent = root.resolve(clean).getParent();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + root.resolve(clean));
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
            entries.forEach(p -> {
                if (matcher.matches(p)) {
                    found.add(p);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** Docker's COPY: a directory's contents go into the target directory; a file becomes the target (or goes into it). */
    private static void copyInto(Path source, Path target, boolean targetIsDirectory) {
        try {
            if (Files.isDirectory(source)) {
                try (Stream<Path> tree = Files.walk(source)) {
                    for (Path p : tree.toList()) {
                        Path to = target.resolve(source.relativize(p).toString());
                        if (Files.isDirectory(p)) {
                            Files.createDirectories(to);
                            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(p));
                        } else {
                            Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                        }
                    }
                }
            } else {
                Path to = targetIsDirectory ? target.resolve(source.getFileName().toString()) : target;
                createDirectory(to.getParent());
                Files.copy(source, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the directory and any missing parent as Docker does (0755), whatever this test run's umask is. */
    static void createDirectory(Path dir) {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
            missing.push(p);
        }
        try {
            for (Path p : missing) {
                Files.createDirectory(p);
                setMode(p, 0755);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void setMode(Path path, int mode) {
        StringBuilder rwx = new StringBuilder();
        for (int shift = 6; shift >= 0; shift -= 3) {
            int bits = (mode >> shift) & 7;
            rwx.append((bits & 4) != 0 ? 'r' : '-').append((bits & 2) != 0 ? 'w' : '-').append((bits & 1) != 0 ? 'x' : '-');
        }
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(rwx.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Gives the path to uid:gid when this JVM may (runs as root); otherwise it already belongs to this non-root user. */
    static void ownIfRoot(Path path, int uid, int gid) {
        if (!RunAs.isRoot()) {
            return;
        }
        try {
            Files.setAttribute(path, "unix:uid", uid);
            Files.setAttribute(path, "unix:gid", gid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
