package dev.jitgroups.bot.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository's Dockerfile read into stages and instructions: as much of the syntax as that file uses (comments,
 * line continuations, {@code FROM ... AS}, flags, exec-form arrays, {@code ENV} pairs), so that the image tests follow
 * the file itself rather than a copy of its commands.
 */
record Dockerfile(List<Stage> stages) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FLAG = Pattern.compile("--([a-z-]+)=(\\S+)\\s+");
    private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S*)");

    /** One instruction: its keyword (upper case), the text after it with continuations joined, and its line. */
    record Instruction(String keyword, String arguments, int line) {

        /** The {@code --name=value} flags in front of the arguments ({@code COPY --from=...}). */
        Map<String, String> flags() {
            Map<String, String> flags = new LinkedHashMap<>();
            Matcher m = FLAG.matcher(arguments);
            int at = 0;
            while (m.find(at) && m.start() == at) {
                flags.put(m.group(1), m.group(2));
                at = m.end();
            }
            return flags;
        }

        /** The arguments after the flags, split on white space. */
        List<String> words() {
            String rest = arguments;
            Matcher m = FLAG.matcher(rest);
            while (m.lookingAt()) {
                rest = rest.substring(m.end());
                m = FLAG.matcher(rest);
            }
            return List.of(rest.strip().split("\\s+"));
        }

        /** An exec-form array ({@code ["java", "-jar", ...]}), after any flags and an optional {@code CMD}. */
        List<String> execForm() {
            int start = arguments.indexOf('[');
            if (start < 0) {
                throw new IllegalStateException("line " + line + ": " + keyword + " is not in exec form: " + arguments);
            }
            try {
                return JSON.readValue(arguments.substring(start), new TypeReference<List<String>>() { });
            } catch (IOException e) {
                throw new IllegalStateException("line " + line + ": not a JSON array: " + arguments, e);
            }
        }

        /** The name=value pairs of an {@code ENV} instruction, quotes removed. */
        Map<String, String> envPairs() {
            Map<String, String> pairs = new LinkedHashMap<>();
            Matcher m = ENV_PAIR.matcher(arguments);
            while (m.find()) {
                String value = m.group(2);
                pairs.put(m.group(1), value.startsWith("\"") ? value.substring(1, value.length() - 1) : value);
            }
            return pairs;
        }
    }

    /** A build stage: its base image, its name (or null) and its instructions after {@code FROM}. */
    record Stage(String image, String name, List<Instruction> instructions) {

        List<Instruction> all(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
        }

        Optional<Instruction> last(String keyword) {
            List<Instruction> found = all(keyword);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
        }
    }

    static Dockerfile read(Path file) {
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dockerfile parse(List<String> lines) {
        List<Stage> stages = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        int startLine = 0;
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1).strip();
            if (line.startsWith("#") || (line.isEmpty() && pending.isEmpty())) {
                continue;
            }
            if (pending.isEmpty()) {
                startLine = n;
            }
            boolean continued = line.endsWith("\\");
            pending.append(continued ? line.substring(0, line.length() - 1) : line).append(' ');
            if (!continued) {
                add(stages, pending.toString().strip(), startLine);
                pending.setLength(0);
            }
        }
        return new Dockerfile(List.copyOf(stages));
    }

    private static void add(List<Stage> stages, String text, int line) {
        String[] parts = text.split("\\s+", 2);
        String keyword = parts[0].toUpperCase(Locale.ROOT);
        String arguments = parts.length > 1 ? parts[1].replaceAll("\\s+", " ").strip() : "";
        if (keyword.equals("FROM")) {
            String[] from = arguments.split("\\s+");
            String name = from.length == 3 && from[1].equalsIgnoreCase("AS") ? from[2] : null;
            stages.add(new Stage(from[0], name, new ArrayList<>()));
            return;
        }
        if (stages.isEmpty()) {
            throw new IllegalStateException("line " + line + ": " + keyword + " before the first FROM");
        }
        stages.get(stages.size() - 1).instructions().add(new Instruction(keyword, arguments, line));
    }

    /** The stage that becomes the image. */
    Stage image() {
        return stages.get(stages.size() - 1);
    }

    Stage stage(String name) {
        return stages.stream().filter(s -> name.equals(s.name())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no stage named " + name));
    }
}
