package dev.jitgroups.ldap.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import org.junit.jupiter.api.Test;

class NestingRulesTest {

    private static GroupInfo group(GroupScope scope, String dn) throws LDAPException {
        return new GroupInfo(new DN(dn), scope.securityGroupType(), false);
    }

    private static GroupInfo here(GroupScope scope) throws LDAPException {
        return group(scope, "CN=" + scope + ",OU=Groups,DC=corp,DC=example");
    }

    private static GroupInfo elsewhere(GroupScope scope) throws LDAPException {
        return group(scope, "CN=" + scope + ",OU=Groups,DC=emea,DC=corp,DC=example");
    }

    @Test
    void group_types_carry_ads_values() {
        assertThat(GroupScope.GLOBAL.securityGroupType()).isEqualTo(-2147483646);
        assertThat(GroupScope.DOMAIN_LOCAL.securityGroupType()).isEqualTo(-2147483644);
        assertThat(GroupScope.UNIVERSAL.securityGroupType()).isEqualTo(-2147483640);
        assertThat(GroupScope.of(-2147483644)).isEqualTo(GroupScope.DOMAIN_LOCAL);
    }

    @Test
    void a_universal_group_cannot_contain_a_domain_local_group() throws LDAPException {
        assertThat(NestingRules.violation(here(GroupScope.UNIVERSAL), here(GroupScope.DOMAIN_LOCAL)))
                .contains("A universal group cannot have a local group as a member.");
        assertThat(NestingRules.violation(here(GroupScope.UNIVERSAL), elsewhere(GroupScope.GLOBAL))).isEmpty();
        assertThat(NestingRules.violation(here(GroupScope.UNIVERSAL), elsewhere(GroupScope.UNIVERSAL))).isEmpty();
    }

    @Test
    void a_global_group_contains_only_global_groups_of_its_own_domain() throws LDAPException {
        assertThat(NestingRules.violation(here(GroupScope.GLOBAL), here(GroupScope.GLOBAL))).isEmpty();
        assertThat(NestingRules.violation(here(GroupScope.GLOBAL), here(GroupScope.UNIVERSAL)))
                .contains("A global group cannot have a universal group as a member.");
        assertThat(NestingRules.violation(here(GroupScope.GLOBAL), here(GroupScope.DOMAIN_LOCAL)))
                .contains("A global group cannot have a local group as a member.");
        assertThat(NestingRules.violation(here(GroupScope.GLOBAL), elsewhere(GroupScope.GLOBAL)))
                .contains("A global group cannot have a cross-domain member.");
    }

    @Test
    void a_domain_local_group_contains_anything_but_another_domains_local_groups() throws LDAPException {
        assertThat(NestingRules.violation(here(GroupScope.DOMAIN_LOCAL), here(GroupScope.DOMAIN_LOCAL))).isEmpty();
        assertThat(NestingRules.violation(here(GroupScope.DOMAIN_LOCAL), elsewhere(GroupScope.GLOBAL))).isEmpty();
        assertThat(NestingRules.violation(here(GroupScope.DOMAIN_LOCAL), elsewhere(GroupScope.UNIVERSAL))).isEmpty();
        assertThat(NestingRules.violation(here(GroupScope.DOMAIN_LOCAL), elsewhere(GroupScope.DOMAIN_LOCAL))).isPresent();
    }

    @Test
    void the_domain_of_a_group_is_the_dc_suffix_of_its_dn() throws LDAPException {
        assertThat(here(GroupScope.GLOBAL).domain()).isEqualTo(new DN("dc=CORP,dc=example"));
        assertThat(elsewhere(GroupScope.GLOBAL).domain()).isEqualTo(new DN("DC=emea,DC=corp,DC=example"));
    }
}
