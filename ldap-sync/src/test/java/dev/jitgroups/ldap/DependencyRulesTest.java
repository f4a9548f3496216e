package dev.jitgroups.ldap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the adapter an adapter: core's directory port is all it uses of core, and Spring stays at the edges. */
class DependencyRulesTest {

    private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.jitgroups.ldap");

    @Test
    void ldap_sync_uses_only_the_directory_port_of_core() {
        noClasses().should().dependOnClassesThat(DescribedPredicate.describe("core outside its directory port",
                (JavaClass c) -> c.getPackageName().startsWith("dev.jitgroups.core")
                        && !c.getPackageName().equals("dev.jitgroups.core.directory")))
                .because("ldap-sync implements core's directory port and needs nothing else of core").check(classes);
    }

    @Test
    void spring_is_used_only_by_configuration_connection_settings_and_health() {
        noClasses().that().resideInAnyPackage("dev.jitgroups.ldap.directory..", "dev.jitgroups.ldap.membership..",
                "dev.jitgroups.ldap.errors..", "dev.jitgroups.ldap.ttl..", "dev.jitgroups.ldap.embedded..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..").check(classes);
    }
}
