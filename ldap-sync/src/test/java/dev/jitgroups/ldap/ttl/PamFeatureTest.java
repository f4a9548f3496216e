package dev.jitgroups.ldap.ttl;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dev.jitgroups.ldap.embedded.EmbeddedDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Detection of the Privileged Access Management feature. No server here implements the feature, so the in-memory
 * directory is given the entries an enabled forest has; Samba's answer (absent) is in SambaOnlyTest.
 */
class PamFeatureTest {

    private static final String CONFIGURATION = "CN=Configuration,DC=corp,DC=example";
    private static final String PARTITIONS = "CN=Partitions," + CONFIGURATION;

    private EmbeddedDirectory directory;
    private DN domain;

    @BeforeEach
    void start() throws Exception {
        directory = EmbeddedDirectory.start("DC=corp,DC=example", 0, null);
        domain = new DN("DC=corp,DC=example");
    }

    @AfterEach
    void stop() {
        directory.close();
    }

    @Test
    void a_forest_without_a_configuration_partition_has_no_pam_feature() {
        assertThat(PamFeature.isEnabled(directory.server(), domain)).isFalse();
    }

    @Test
    void a_forest_with_other_optional_features_enabled_has_no_pam_feature() throws Exception {
        partitionsWithEnabledFeature("CN=Recycle Bin Feature,CN=Optional Features,CN=Directory Service,CN=Windows NT,CN=Services,"
                + CONFIGURATION);

        assertThat(PamFeature.isEnabled(directory.server(), domain)).isFalse();
    }

    @Test
    void a_forest_listing_the_pam_feature_in_msds_enabled_feature_has_it() throws Exception {
        partitionsWithEnabledFeature("cn=Privileged Access Management Feature, cn=Optional Features,CN=Directory Service,"
                + "CN=Windows NT,CN=Services," + CONFIGURATION);

        assertThat(PamFeature.isEnabled(directory.server(), domain)).isTrue();
    }

    @Test
    void the_feature_dn_lives_under_the_configuration_partition() throws Exception {
        assertThat(PamFeature.featureDn(new DN(CONFIGURATION))).isEqualTo(new DN("CN=Privileged Access Management Feature,"
                + "CN=Optional Features,CN=Directory Service,CN=Windows NT,CN=Services," + CONFIGURATION));
    }

    private void partitionsWithEnabledFeature(String featureDn) throws Exception {
        directory.server().add(new Entry(CONFIGURATION, new Attribute("objectClass", "top", "container"),
                new Attribute("cn", "Configuration")));
        directory.server().add(new Entry(PARTITIONS, new Attribute("objectClass", "top", "container", "crossRefContainer"),
                new Attribute("cn", "Partitions")));
        directory.server().modify(PARTITIONS, new Modification(ModificationType.ADD, "msDS-EnabledFeature", featureDn));
    }
}
