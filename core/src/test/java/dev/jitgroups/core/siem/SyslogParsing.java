package dev.jitgroups.core.siem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An independent reader of what a SIEM receives: RFC 5424 messages (with one SD element) and CEF:0 text. */
final class SyslogParsing {

    private static final Pattern HEADER = Pattern.compile(
            "<(\\d{1,3})>(\\d) (\\S+) (\\S+) (\\S+) (\\S+) (\\S+) (.*)", Pattern.DOTALL);
    private static final Pattern EXTENSION_KEY = Pattern.compile("(?:^| )([A-Za-z0-9_]+)=");

    private SyslogParsing() {
    }

    /** A parsed RFC 5424 message. */
    record Message(int pri, String timestamp, String hostname, String appName, String procId, String msgId,
            String sdId, Map<String, String> sd, String msg) {
    }

    /** A parsed CEF event: the six header fields after {@code CEF:0} and the extension. */
    record Cef(List<String> header, Map<String, String> extension) {
    }

    static Message rfc5424(String text) {
        Matcher m = HEADER.matcher(text);
        if (!m.matches() || !m.group(2).equals("1")) {
            throw new AssertionError("not an RFC 5424 message: " + text);
        }
        String rest = m.group(8);
        if (!rest.startsWith("[")) {
            throw new AssertionError("no structured data: " + text);
        }
        int i = 1;
        int idEnd = rest.indexOf(' ', i);
        String sdId = rest.substring(i, idEnd);
        Map<String, String> params = new LinkedHashMap<>();
        i = idEnd;
        while (rest.charAt(i) == ' ') {
            int eq = rest.indexOf("=\"", i);
            String name = rest.substring(i + 1, eq);
            StringBuilder value = new StringBuilder();
            int j = eq + 2;
            while (rest.charAt(j) != '"') {
                if (rest.charAt(j) == '\\') {
                    j++;
                }
                value.append(rest.charAt(j++));
            }
            params.put(name, value.toString());
            i = j + 1;
        }
        if (rest.charAt(i) != ']' || rest.charAt(i + 1) != ' ') {
            throw new AssertionError("structured data not closed: " + text);
        }
        return new Message(Integer.parseInt(m.group(1)), m.group(3), m.group(4), m.group(5), m.group(6), m.group(7), sdId,
                params, rest.substring(i + 2));
    }

    static Cef cef(String text) {
        if (!text.startsWith("CEF:0|")) {
            throw new AssertionError("not CEF:0: " + text);
        }
        List<String> header = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = "CEF:0|".length();
        while (header.size() < 6) {
            char c = text.charAt(i++);
            if (c == '\\') {
                field.append(text.charAt(i++));
            } else if (c == '|') {
                header.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        String ext = text.substring(i);
        return new Cef(header, extension(ext));
    }

    private static Map<String, String> extension(String ext) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = EXTENSION_KEY.matcher(ext);
        List<int[]> keys = new ArrayList<>();
        while (m.find()) {
            keys.add(new int[] {m.start(1), m.end(1), m.end()});
        }
        for (int k = 0; k < keys.size(); k++) {
            int valueEnd = k + 1 < keys.size() ? keys.get(k + 1)[0] - 1 : ext.length();
            String raw = ext.substring(keys.get(k)[2], valueEnd);
            out.put(ext.substring(keys.get(k)[0], keys.get(k)[1]), unescape(raw));
        }
        return out;
    }

    private static String unescape(String raw) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                char next = raw.charAt(++i);
                sb.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
