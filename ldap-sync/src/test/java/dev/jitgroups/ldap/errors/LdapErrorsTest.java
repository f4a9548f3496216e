package dev.jitgroups.ldap.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import dev.jitgroups.core.directory.DirectoryException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LdapErrorsTest {

    private static final String GROUP = "CN=JIT Tier0 Admins,OU=Privileged,DC=corp,DC=example";

    @ParameterizedTest
    @ValueSource(ints = {81, 91, 85, 51, 52, 3})
    void faults_of_reaching_the_server_are_retryable(int code) {
        DirectoryException e = LdapErrors.map(new LDAPException(ResultCode.valueOf(code)), "Adding alice");

        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).startsWith("Adding alice failed: ").contains("retried");
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 50, 49, 19, 53, 34, 65, 8, 80, 68})
    void refusals_are_permanent(int code) {
        assertThat(LdapErrors.map(new LDAPException(ResultCode.valueOf(code)), "Adding alice").retryable()).isFalse();
    }

    @Test
    void insufficient_access_names_the_write_members_permission_on_the_group() {
        DirectoryException e = LdapErrors.map(new LDAPException(ResultCode.INSUFFICIENT_ACCESS_RIGHTS),
                new Failure("Adding Alice Adams to " + GROUP, GROUP, false, "DC=corp,DC=example"));

        assertThat(e.getMessage()).contains("\"Write Members\"").contains(GROUP).doesNotContain("AdminSDHolder");
    }

    @Test
    void insufficient_access_on_a_protected_group_points_to_admin_sd_holder() {
        DirectoryException e = LdapErrors.map(new LDAPException(ResultCode.INSUFFICIENT_ACCESS_RIGHTS),
                new Failure("Adding Alice Adams to " + GROUP, GROUP, true, "DC=corp,DC=example"));

        assertThat(e.getMessage()).contains("adminCount=1").contains("SDProp")
                .contains("CN=AdminSDHolder,CN=System,DC=corp,DC=example");
    }

    @Test
    void already_done_codes_cover_ad_and_standard_ldap() {
        assertThat(LdapErrors.ALREADY_MEMBER).containsExactlyInAnyOrder(ResultCode.ENTRY_ALREADY_EXISTS,
                ResultCode.ATTRIBUTE_OR_VALUE_EXISTS);
        assertThat(LdapErrors.ALREADY_ABSENT).containsExactlyInAnyOrder(ResultCode.UNWILLING_TO_PERFORM, ResultCode.NO_SUCH_ATTRIBUTE);
    }

    @Test
    void an_unknown_code_is_permanent_and_named() {
        DirectoryException e = LdapErrors.map(new LDAPException(ResultCode.valueOf(4711)), "Reading");

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("4711");
    }
}
