package dev.jitgroups.core.siem;

import dev.jitgroups.core.audit.AuditEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events as OCSF 1.3 "Group Management" (class 3006, category Identity &amp; Access Management) JSON: members added
 * and removed are activities Add User (3) and Remove User (4), every other step of the workflow is Other (99) named
 * by our action. Fields OCSF has no place for go under {@code unmapped.jitgroups}. docs/siem.md lists the mapping.
 */
public final class OcsfFormat {

    static final int CLASS_UID = 3006;
    static final String OCSF_VERSION = "1.3.0";
    private static final int ADD_USER = 3;
    private static final int REMOVE_USER = 4;
    private static final int OTHER = 99;

    private final JsonMapper json = JsonMapper.builder().build();

    /** The events as a JSON array, in order: the body of one webhook request. */
    public byte[] array(List<SiemEvent> events) {
        List<Map<String, Object>> out = new ArrayList<>();
        events.forEach(ev -> out.add(event(ev)));
        return json.writeValueAsBytes(out);
    }

    Map<String, Object> event(SiemEvent ev) {
        AuditEntry e = ev.entry();
        int activity = activity(e);
        String activityName = activity == ADD_USER ? "Add User" : activity == REMOVE_USER ? "Remove User" : e.action();
        Severity severity = Severity.of(e);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("class_uid", CLASS_UID);
        m.put("class_name", "Group Management");
        m.put("category_uid", 3);
        m.put("category_name", "Identity & Access Management");
        m.put("activity_id", activity);
        m.put("activity_name", activityName);
        m.put("type_uid", CLASS_UID * 100 + activity);
        m.put("type_name", "Group Management: " + (activity == OTHER ? "Other" : activityName));
        m.put("time", e.at().toEpochMilli());
        m.put("time_dt", e.at().toString());
        m.put("severity_id", severity.ocsfId);
        m.put("severity", severity.ocsfName);
        status(m, e.outcome());
        putIfPresent(m, "message", e.detail());
        m.put("actor", Map.of("user", Map.of("name", e.actor())));
        m.put("user", nonNull("uid", ev.memberSid(), "name", e.subject()));
        m.put("group", nonNull("name", e.group(), "uid", ev.groupDn()));
        m.put("metadata", metadata(ev));
        m.put("unmapped", Map.of("jitgroups", unmapped(ev)));
        return m;
    }

    private static int activity(AuditEntry e) {
        return switch (e.action()) {
            case "directory.member-added" -> ADD_USER;
            case "directory.member-removed" -> REMOVE_USER;
            case "drift.detected" -> "removed".equals(e.outcome()) ? REMOVE_USER : OTHER;
            default -> OTHER;
        };
    }

    /** Our outcomes: {@code ok} succeeded, {@code refused}/{@code failed} did not, the rest (retrying...) is Other. */
    private static void status(Map<String, Object> m, String outcome) {
        int id = "ok".equals(outcome) ? 1 : "refused".equals(outcome) || "failed".equals(outcome) ? 2 : 99;
        m.put("status_id", id);
        m.put("status", id == 1 ? "Success" : id == 2 ? "Failure" : "Other");
        m.put("status_detail", outcome);
    }

    private static Map<String, Object> metadata(SiemEvent ev) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", OCSF_VERSION);
        m.put("product", Map.of("name", CefFormat.PRODUCT, "vendor_name", CefFormat.VENDOR));
        m.put("uid", ev.audit().hash());
        m.put("sequence", ev.seq());
        m.put("log_name", "jitgroups-audit");
        putIfPresent(m, "correlation_uid", ev.entry().requestId());
        return m;
    }

    private static Map<String, Object> unmapped(SiemEvent ev) {
        AuditEntry e = ev.entry();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", ev.seq());
        m.put("at", e.at().toString());
        m.put("action", e.action());
        m.put("outcome", e.outcome());
        putIfPresent(m, "request_id", e.requestId());
        putIfPresent(m, "group", e.group());
        putIfPresent(m, "group_dn", ev.groupDn());
        putIfPresent(m, "subject", e.subject());
        putIfPresent(m, "member_sid", ev.memberSid());
        putIfPresent(m, "member_dn", ev.memberDn());
        putIfPresent(m, "detail", e.detail());
        m.put("previous_hash", ev.audit().previousHash());
        m.put("hash", ev.audit().hash());
        return m;
    }

    private static Map<String, Object> nonNull(String k1, String v1, String k2, String v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIfPresent(m, k1, v1);
        putIfPresent(m, k2, v2);
        return m;
    }

    private static void putIfPresent(Map<String, Object> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
