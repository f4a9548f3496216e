package dev.jitgroups.bot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The JIT Groups server: the Teams bot endpoint with the access workflow (core) and the directory (ldap-sync). */
@SpringBootApplication
public class JitGroupsApplication {

    public static void main(String[] args) {
        SpringApplication.run(JitGroupsApplication.class, args);
    }
}
