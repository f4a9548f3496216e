package dev.jitgroups.bot.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The Bot Framework SDK stays behind one package; core knows nothing of the bot; cards are pure. */
class DependencyRulesTest {

    static final JavaClasses BOT = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.jitgroups.bot");
    static final JavaClasses CORE = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.jitgroups.core");

    @Test
    void only_the_teams_package_uses_the_bot_framework_sdk() {
        noClasses().that().resideOutsideOfPackage("dev.jitgroups.bot.teams..").should().dependOnClassesThat()
                .resideInAPackage("com.microsoft.bot..").check(BOT);
    }

    @Test
    void only_the_security_package_handles_tokens_and_identity_libraries() {
        noClasses().that().resideOutsideOfPackage("dev.jitgroups.bot.security..").should().dependOnClassesThat()
                .resideInAnyPackage("com.microsoft.aad..", "com.nimbusds..").check(BOT);
    }

    /** Graph's SDK (graph-core, Kiota) stays behind bot.identity, as the Bot Framework SDK stays behind bot.teams. */
    @Test
    void only_the_identity_package_uses_the_graph_sdk() {
        noClasses().that().resideOutsideOfPackage("dev.jitgroups.bot.identity..").should().dependOnClassesThat()
                .resideInAnyPackage("com.microsoft.graph..", "com.microsoft.kiota..").check(BOT);
    }

    /**
     * Azure Core's credential types are the one seam between the two: bot.security builds Graph's credential and
     * bot.identity hands it to the SDK. No Azure library beyond that is used anywhere.
     */
    @Test
    void azure_core_only_carries_the_graph_credential() {
        noClasses().that().resideOutsideOfPackages("dev.jitgroups.bot.security..", "dev.jitgroups.bot.identity..")
                .should().dependOnClassesThat().resideInAPackage("com.azure..").check(BOT);
        noClasses().should().dependOnClassesThat(resideInAPackage("com.azure..")
                .and(not(resideInAPackage("com.azure.core.credential..")))).check(BOT);
    }

    @Test
    void the_front_door_does_not_depend_on_the_sdk_or_the_conversation() {
        noClasses().that().resideInAPackage("dev.jitgroups.bot.security..").should().dependOnClassesThat()
                .resideInAnyPackage("com.microsoft.bot..", "dev.jitgroups.bot.teams..",
                        "dev.jitgroups.bot.conversation..", "dev.jitgroups.bot.notify..").check(BOT);
    }

    @Test
    void core_does_not_depend_on_the_bot() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.jitgroups.bot..").check(CORE);
    }

    @Test
    void cards_are_built_without_spring_or_io() {
        noClasses().that().resideInAPackage("dev.jitgroups.bot.cards..").should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "dev.jitgroups.bot.notify..", "dev.jitgroups.bot.teams..")
                .check(BOT);
    }
}
