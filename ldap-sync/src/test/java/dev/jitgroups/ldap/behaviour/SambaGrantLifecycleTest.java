package dev.jitgroups.ldap.behaviour;

/** The grant lifecycle against a real AD implementation, the Samba AD DC (skipped with the reason when none runs). */
@SambaAvailable
class SambaGrantLifecycleTest extends GrantLifecycleBehaviour {

    @Override
    DirectoryFixture openFixture() throws Exception {
        return SambaFixture.connect();
    }
}
