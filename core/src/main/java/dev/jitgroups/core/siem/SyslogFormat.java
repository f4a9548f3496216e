package dev.jitgroups.core.siem;

import dev.jitgroups.core.audit.AuditEntry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * RFC 5424 syslog messages carrying CEF, framed by octet counting ({@code MSG-LEN SP SYSLOG-MSG}) as RFC 5425 (TLS)
 * and RFC 6587 (TCP) prescribe. The structured data element repeats the fields a SOC joins on, so that they can be
 * read without parsing CEF.
 */
public final class SyslogFormat {

    /** Facility 13, "log audit". */
    private static final int FACILITY = 13;
    /** An SD-ID under the documentation enterprise number of RFC 5612, as no number is registered for JIT Groups. */
    static final String SD_ID = "jitgroups@32473";
    static final String APP_NAME = "jitgroups";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final String hostname;
    private final CefFormat cef;

    public SyslogFormat(String hostname) {
        this.hostname = hostname;
        this.cef = new CefFormat(hostname);
    }

    /** The events, each framed, one after the other. */
    public byte[] frames(List<SiemEvent> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (SiemEvent ev : events) {
            byte[] message = message(ev).getBytes(StandardCharsets.UTF_8);
            out.writeBytes((message.length + " ").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(message);
        }
        return out.toByteArray();
    }

    /** One RFC 5424 message: header, structured data, then the CEF text as MSG (no BOM, which CEF parsers trip on). */
    public String message(SiemEvent ev) {
        AuditEntry e = ev.entry();
        int pri = FACILITY * 8 + Severity.of(e).syslog;
        return "<" + pri + ">1 " + TIME.format(e.at()) + " " + hostname + " " + APP_NAME + " - " + msgId(e.action())
                + " " + structuredData(ev) + " " + cef.format(ev);
    }

    private static String structuredData(SiemEvent ev) {
        AuditEntry e = ev.entry();
        StringBuilder sb = new StringBuilder("[").append(SD_ID);
        param(sb, "seq", Long.toString(ev.seq()));
        param(sb, "hash", ev.audit().hash());
        param(sb, "previousHash", ev.audit().previousHash());
        param(sb, "requestId", e.requestId());
        param(sb, "group", e.group());
        param(sb, "groupDn", ev.groupDn());
        param(sb, "memberSid", ev.memberSid());
        param(sb, "actor", e.actor());
        param(sb, "action", e.action());
        param(sb, "outcome", e.outcome());
        return sb.append(']').toString();
    }

    /** PARAM-VALUE escapes '"', '\' and ']'. */
    private static void param(StringBuilder sb, String name, String value) {
        if (value != null) {
            sb.append(' ').append(name).append("=\"")
                    .append(value.replace("\\", "\\\\").replace("\"", "\\\"").replace("]", "\\]")).append('"');
        }
    }

    /** MSGID: at most 32 printable US-ASCII characters. */
    private static String msgId(String action) {
        String id = action.replaceAll("[^\\x21-\\x7e]", "_");
        return id.isEmpty() ? "-" : id.substring(0, Math.min(32, id.length()));
    }
}
