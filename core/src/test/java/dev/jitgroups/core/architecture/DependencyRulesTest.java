package dev.jitgroups.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** DESIGN.md section 2: the domain is free of frameworks, and core knows nothing of the adapters. */
class DependencyRulesTest {

    static final String[] DOMAIN = {"dev.jitgroups.core.request..", "dev.jitgroups.core.policy..",
        "dev.jitgroups.core.approval..", "dev.jitgroups.core.audit..", "dev.jitgroups.core.directory..",
        "dev.jitgroups.core.notification..", "dev.jitgroups.core.siem.."};

    static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.jitgroups.core");

    @Test
    void domain_imports_no_spring_no_unboundid_no_microsoft() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.unboundid..",
                        "com.microsoft..", "com.github.kagkarlsson..", "jakarta.persistence..")
                .check(CORE);
    }

    @Test
    void core_depends_on_neither_ldap_sync_nor_bot() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.jitgroups.ldap..", "dev.jitgroups.bot..")
                .check(CORE);
    }

    @Test
    void only_the_jobs_package_knows_db_scheduler() {
        noClasses().that().resideOutsideOfPackage("dev.jitgroups.core.jobs..")
                .should().dependOnClassesThat().resideInAnyPackage("com.github.kagkarlsson..").check(CORE);
    }
}
