package dev.jitgroups.core.policy;

import dev.jitgroups.core.directory.Dn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Validates {@link PolicySource}s from configuration. Every problem is reported with the configuration key
 * it belongs to ({@code jit.groups[0].max-duration}) and what would be accepted, all problems at once.
 */
public final class PolicyValidation {

    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    static final Duration DEFAULT_APPROVAL_TIMEOUT = Duration.ofHours(24);
    static final Duration DEFAULT_DEFAULT_DURATION = Duration.ofHours(1);

    private final List<String> errors = new ArrayList<>();

    private PolicyValidation() {
    }

    /**
     * Builds the catalog or throws {@link InvalidPolicyException} listing every problem.
     *
     * @param prefix the configuration key of the list, e.g. {@code jit.groups}
     */
    public static PolicyCatalog validate(String prefix, List<PolicySource> sources) {
        PolicyValidation v = new PolicyValidation();
        List<GroupPolicy> policies = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<Dn> dns = new HashSet<>();
        List<PolicySource> list = sources == null ? List.of() : sources;
        for (int i = 0; i < list.size(); i++) {
            String key = prefix + "[" + i + "]";
            PolicySource source = list.get(i);
            if (source == null) {
                v.error(key, "is empty; each managed group needs at least name, dn, eligible, max-duration");
                continue;
            }
            v.group(key, source).ifPresent(p -> {
                if (!names.add(p.name())) {
                    v.error(key + ".name", "'" + p.name() + "' is used by another group; names must be unique");
                }
                if (!dns.add(p.dn())) {
                    v.error(key + ".dn", "'" + p.dn() + "' is managed by another group entry already");
                }
                policies.add(p);
            });
        }
        if (!v.errors.isEmpty()) {
            throw new InvalidPolicyException(v.errors);
        }
        return new PolicyCatalog(policies);
    }

    private Optional<GroupPolicy> group(String key, PolicySource s) {
        int before = errors.size();
        String name = required(key + ".name", s.name());
        if (name != null && !NAME.matcher(name).matches()) {
            error(key + ".name", "'" + name + "' must be lower-case letters, digits and '-' (e.g. tier0-admins), "
                    + "at most 63 characters");
        }
        Dn dn = dn(key + ".dn", required(key + ".dn", s.dn()));
        List<PrincipalRef> eligible = principals(key + ".eligible", s.eligible());
        if (s.eligible() == null || s.eligible().isEmpty()) {
            error(key + ".eligible", "is missing; list who may request this group (" + PrincipalRef.ACCEPTED + ")");
        }
        Duration max = duration(key + ".max-duration", s.maxDuration(), true);
        Duration def = duration(key + ".default-duration", s.defaultDuration(), false);
        if (max != null && def != null && def.compareTo(max) > 0) {
            error(key + ".default-duration", "(" + s.defaultDuration() + ") must not exceed max-duration ("
                    + s.maxDuration() + ")");
        }
        if (def == null && max != null) {
            def = max.compareTo(DEFAULT_DEFAULT_DURATION) < 0 ? max : DEFAULT_DEFAULT_DURATION;
        }
        boolean breakGlass = Boolean.TRUE.equals(s.breakGlass());
        if (breakGlass && Boolean.FALSE.equals(s.justificationRequired())) {
            error(key + ".justification-required", "must be true (or left out) when break-glass is true: "
                    + "break-glass use always needs a reason");
        }
        boolean justification = breakGlass || s.justificationRequired() == null || s.justificationRequired();
        TicketRule ticket = ticket(key + ".ticket", s.ticket());
        int required = s.requiredApprovals() == null ? 1 : s.requiredApprovals();
        if (required < 0 || required > 10) {
            error(key + ".required-approvals", "(" + required + ") must be between 0 and 10; 0 means no approval");
        }
        List<PrincipalRef> approvers = principals(key + ".approvers", s.approvers());
        if (!breakGlass && required > 0 && (s.approvers() == null || s.approvers().isEmpty())) {
            error(key + ".approvers", "is missing; list who approves (" + PrincipalRef.ACCEPTED
                    + "), or set required-approvals: 0 for groups that need no approval");
        }
        Duration timeout = duration(key + ".approval-timeout", s.approvalTimeout(), false);
        timeout = timeout == null ? DEFAULT_APPROVAL_TIMEOUT : timeout;
        Duration reminder = duration(key + ".reminder-after", s.reminderAfter(), false);
        if (reminder != null && reminder.compareTo(timeout) >= 0) {
            error(key + ".reminder-after", "(" + s.reminderAfter() + ") must be shorter than approval-timeout ("
                    + DurationText.format(timeout) + ")");
        }
        List<PrincipalRef> escalation = principals(key + ".escalation-approvers", s.escalationApprovers());
        List<PrincipalRef> permanent = principals(key + ".permanent-members", s.permanentMembers());
        for (int i = 0; i < permanent.size(); i++) {
            if (!(permanent.get(i) instanceof PrincipalRef.User)) {
                error(key + ".permanent-members[" + i + "]", "must be a user (UPN, sAMAccountName or sid:...), "
                        + "not '" + permanent.get(i).text() + "'");
            }
        }
        String channel = s.notifyChannel() == null || s.notifyChannel().isBlank() ? null : s.notifyChannel().strip();
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new GroupPolicy(name, blankTo(s.displayName(), name), dn, eligible, max, def,
                justification, ticket, approvers, breakGlass ? 0 : required, timeout, Optional.ofNullable(reminder),
                escalation, breakGlass, Optional.ofNullable(channel), permanent));
    }

    private Dn dn(String key, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Dn.parse(text);
        } catch (IllegalArgumentException e) {
            error(key, e.getMessage() + "; expected e.g. CN=JIT Tier0 Admins,OU=Privileged,DC=corp,DC=example");
            return null;
        }
    }

    private TicketRule ticket(String key, PolicySource.TicketSource t) {
        if (t == null) {
            return TicketRule.NONE;
        }
        Optional<Pattern> pattern = Optional.empty();
        if (t.pattern() != null && !t.pattern().isBlank()) {
            try {
                pattern = Optional.of(Pattern.compile(t.pattern()));
            } catch (PatternSyntaxException e) {
                error(key + ".pattern", "'" + t.pattern() + "' is not a valid regular expression: "
                        + e.getDescription() + " (e.g. INC\\\\d{6} in YAML double quotes)");
            }
        }
        return new TicketRule(Boolean.TRUE.equals(t.required()), pattern);
    }

    private List<PrincipalRef> principals(String key, List<String> raw) {
        List<PrincipalRef> refs = new ArrayList<>();
        if (raw == null) {
            return refs;
        }
        for (int i = 0; i < raw.size(); i++) {
            try {
                refs.add(PrincipalRef.parse(raw.get(i)));
            } catch (IllegalArgumentException e) {
                error(key + "[" + i + "]", e.getMessage());
            }
        }
        return refs;
    }

    private Duration duration(String key, String raw, boolean required) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                error(key, "is missing; expected a duration such as 30m, 2h or 1d");
            }
            return null;
        }
        try {
            return DurationText.parse(raw);
        } catch (IllegalArgumentException e) {
            error(key, e.getMessage());
            return null;
        }
    }

    private String required(String key, String value) {
        if (value == null || value.isBlank()) {
            error(key, "is missing");
            return null;
        }
        return value.strip();
    }

    private void error(String key, String message) {
        errors.add(key + ": " + message);
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
