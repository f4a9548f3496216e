package dev.jitgroups.ldap.behaviour;

/** The grant lifecycle against the embedded UnboundID in-memory directory. */
class EmbeddedGrantLifecycleTest extends GrantLifecycleBehaviour {

    @Override
    DirectoryFixture openFixture() throws Exception {
        return EmbeddedFixture.start();
    }
}
