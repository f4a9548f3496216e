package dev.jitgroups.core.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** All managed groups, looked up by name (case-insensitive) or by display name. */
public final class PolicyCatalog {

    private final Map<String, GroupPolicy> byName = new LinkedHashMap<>();

    public PolicyCatalog(List<GroupPolicy> policies) {
        policies.forEach(p -> byName.put(p.name().toLowerCase(Locale.ROOT), p));
    }

    public Optional<GroupPolicy> find(String nameOrDisplayName) {
        if (nameOrDisplayName == null) {
            return Optional.empty();
        }
        String key = nameOrDisplayName.strip().toLowerCase(Locale.ROOT);
        GroupPolicy p = byName.get(key);
        if (p != null) {
            return Optional.of(p);
        }
        return byName.values().stream().filter(g -> g.displayName().equalsIgnoreCase(nameOrDisplayName.strip()))
                .findFirst();
    }

    public List<GroupPolicy> all() {
        return List.copyOf(byName.values());
    }

    /**
     * Where the group is configured, {@code jit.groups[i]}, for messages that tell operators what to fix. The
     * catalog keeps configuration order, and is only built when every entry is valid, so i is the position.
     */
    public String configKey(GroupPolicy policy) {
        int i = 0;
        for (GroupPolicy p : byName.values()) {
            if (p.name().equals(policy.name())) {
                return "jit.groups[" + i + "]";
            }
            i++;
        }
        throw new IllegalArgumentException("not a configured group: " + policy.name());
    }
}
