package dev.jitgroups.ldap.directory;

/** The scope of an AD group, from the low bits of {@code groupType}. */
public enum GroupScope {
    GLOBAL(0x2, "global"),
    DOMAIN_LOCAL(0x4, "domain local"),
    UNIVERSAL(0x8, "universal");

    private final int flag;
    private final String label;

    GroupScope(int flag, String label) {
        this.flag = flag;
        this.label = label;
    }

    /** The scope encoded in {@code groupType}; IllegalArgumentException when none is (a builtin or damaged group). */
    public static GroupScope of(int groupType) {
        for (GroupScope scope : values()) {
            if ((groupType & scope.flag) != 0) {
                return scope;
            }
        }
        throw new IllegalArgumentException("groupType " + groupType + " names no group scope");
    }

    /** {@code groupType} of a security group of this scope (AD's values, e.g. -2147483646 for global). */
    public int securityGroupType() {
        return GroupInfo.SECURITY_ENABLED | flag;
    }

    public String label() {
        return label;
    }
}
