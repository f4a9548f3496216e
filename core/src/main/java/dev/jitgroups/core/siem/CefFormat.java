package dev.jitgroups.core.siem;

import dev.jitgroups.core.audit.AuditEntry;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * ArcSight Common Event Format (CEF:0) for one event: {@code CEF:0|JIT Groups|JIT Groups|version|action|name|severity|
 * key=value ...}, with the ArcSight dictionary's keys where one fits and labelled custom strings for the rest.
 * docs/siem.md lists the mapping.
 */
public final class CefFormat {

    static final String VENDOR = "JIT Groups";
    static final String PRODUCT = "JIT Groups";

    private final String hostname;
    private final String version;

    public CefFormat(String hostname) {
        this.hostname = hostname;
        String v = CefFormat.class.getPackage().getImplementationVersion();
        this.version = v == null ? "0.1.0" : v;
    }

    public String format(SiemEvent ev) {
        AuditEntry e = ev.entry();
        StringBuilder sb = new StringBuilder("CEF:0|");
        header(sb, VENDOR);
        header(sb, PRODUCT);
        header(sb, version);
        header(sb, e.action());
        header(sb, e.action().replace('.', ' ').replace('-', ' '));
        sb.append(Severity.of(e).cef).append('|');
        Extensions x = new Extensions();
        x.add("rt", Long.toString(e.at().toEpochMilli())).add("dvchost", hostname)
                .add("externalId", Long.toString(ev.seq())).add("cat", category(e.action())).add("act", e.action())
                .add("outcome", e.outcome()).add("suser", e.actor()).add("duser", e.subject()).add("duid", ev.memberSid())
                .labelled("cs1", "requestId", e.requestId()).labelled("cs2", "groupDn", ev.groupDn())
                .labelled("cs3", "chainHash", ev.audit().hash()).labelled("cs4", "previousHash", ev.audit().previousHash())
                .labelled("cs5", "group", e.group()).labelled("cs6", "memberDn", ev.memberDn())
                .labelled("cn1", "seq", Long.toString(ev.seq()))
                .add("msg", e.detail() == null || e.detail().isEmpty() ? null : e.detail());
        return sb.append(x).toString();
    }

    /** {@code request}, {@code directory}, {@code drift}, ...: the part of the action before the dot. */
    private static String category(String action) {
        int dot = action.indexOf('.');
        return (dot < 0 ? action : action.substring(0, dot)).toLowerCase(Locale.ROOT);
    }

    /** Header fields escape the pipe and the backslash; they cannot hold line breaks. */
    private static void header(StringBuilder sb, String value) {
        String v = value == null ? "" : value;
        sb.append(v.replace("\\", "\\\\").replace("|", "\\|").replaceAll("[\r\n]+", " ")).append('|');
    }

    /** Key=value pairs separated by spaces; values escape the backslash and '=', and encode line breaks as \n, \r. */
    private static final class Extensions {
        private final StringJoiner pairs = new StringJoiner(" ");

        Extensions add(String key, String value) {
            if (value != null) {
                pairs.add(key + "=" + value.replace("\\", "\\\\").replace("=", "\\=").replace("\r", "\\r")
                        .replace("\n", "\\n"));
            }
            return this;
        }

        Extensions labelled(String key, String label, String value) {
            return value == null ? this : add(key + "Label", label).add(key, value);
        }

        @Override
        public String toString() {
            return pairs.toString();
        }
    }
}
