package dev.jitgroups.bot.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator's credential for the audit endpoints ({@code jit.operator.*}). Without a password those endpoints
 * answer only requests from this machine (loopback).
 *
 * @param password plain (hashed with bcrypt at start-up) or already encoded, e.g. {@code {bcrypt}$2a$10$...}
 */
@ConfigurationProperties("jit.operator")
public record OperatorSettings(@DefaultValue("operator") String username, String password) {

    public boolean hasPassword() {
        return password != null && !password.isBlank();
    }

    @Override
    public String toString() {
        return "OperatorSettings[username=" + username + ", password=" + (hasPassword() ? "(set)" : "(none)") + "]";
    }
}
