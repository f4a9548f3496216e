package dev.jitgroups.core.siem;

import dev.jitgroups.core.policy.DurationText;
import dev.jitgroups.core.policy.InvalidPolicyException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns {@code jit.siem} as written into {@link SiemSettings}, or fails naming every offending key. */
public final class SiemValidation {

    public static final String PREFIX = "jit.siem";
    /** RFC 5424 HOSTNAME: printable US-ASCII without spaces, at most 255 characters. */
    private static final Pattern HOSTNAME = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private SiemValidation() {
    }

    public static SiemSettings validate(SiemSource source) {
        SiemSource s = source == null ? new SiemSource(null, null, null, null) : source;
        List<String> problems = new ArrayList<>();
        Duration poll = duration(PREFIX + ".poll-interval", s.pollInterval(), Duration.ofSeconds(2), problems);
        Duration warn = duration(PREFIX + ".warn-after", s.warnAfter(), Duration.ofMinutes(5), problems);
        // asking the resolver for our own name can be slow where DNS is broken: only when something is sent
        String hostname = s.hostname() != null ? s.hostname().strip()
                : s.sinks() == null || s.sinks().isEmpty() ? "-" : localHostname();
        if (!HOSTNAME.matcher(hostname).matches()) {
            problems.add(PREFIX + ".hostname: '" + hostname + "' must be printable ASCII without spaces (a host name)");
        }
        List<SinkSettings> sinks = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<SiemSource.SinkSource> raw = s.sinks() == null ? List.of() : s.sinks();
        for (int i = 0; i < raw.size(); i++) {
            String key = PREFIX + ".sinks[" + i + "]";
            SiemSource.SinkSource sink = raw.get(i) == null ? SinkCheck.EMPTY : raw.get(i);
            new SinkCheck(key, sink, problems).run().ifPresent(sinks::add);
            if (sink.name() != null && !names.add(sink.name().strip())) {
                problems.add(key + ".name: '" + sink.name() + "' is already the name of another sink; names must differ");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException("Invalid SIEM configuration (" + PREFIX + ")", problems);
        }
        return new SiemSettings(sinks, poll, warn, hostname);
    }

    static Duration duration(String key, String text, Duration fallback, List<String> problems) {
        if (text == null) {
            return fallback;
        }
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(key + ": " + e.getMessage());
            return fallback;
        }
    }

    private static String localHostname() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return HOSTNAME.matcher(name).matches() ? name : "-";
        } catch (UnknownHostException e) {
            // RFC 5424's NILVALUE: the receiver then records the sender's address instead
            return "-";
        }
    }
}
