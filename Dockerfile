# syntax=docker/dockerfile:1
# The JIT Groups bot as a container image: Spring Boot's layered jar on Eclipse Temurin's JRE, run as a non-root user.
# Build the jar first, then the image (docs/deploy.md):
#   ./mvnw -B -q -pl bot -am package -DskipTests
#   docker build -t jitgroups-bot:0.1.0 .
# bot's ContainerImageIT follows this file in CI (no Docker engine there): it runs the extraction below on the real jar,
# lays the layers out as the COPY lines do, and starts the application with the ENTRYPOINT as the USER.

FROM eclipse-temurin:17-jre AS layers
WORKDIR /build
COPY bot/target/jitgroups-bot-*.jar application.jar
RUN java -Djarmode=tools -jar application.jar extract --layers --destination extracted

FROM eclipse-temurin:17-jre
# uid/gid 10001: numeric, so that Kubernetes' runAsNonRoot can verify it; the working directory is the only writable one
RUN groupadd --system --gid 10001 jitgroups \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /var/lib/jitgroups --shell /usr/sbin/nologin jitgroups \
 && install -d -o 10001 -g 10001 -m 0750 /var/lib/jitgroups
WORKDIR /application
# least to most often changed, so that a rebuild after a code change reuses the dependency layer
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
COPY --chmod=0755 deploy/image/healthcheck.sh /usr/local/bin/jitgroups-healthcheck
# A container is reached through its network interface, never its loopback: without MicrosoftAppId the bot then
# refuses to start (it would accept unauthenticated requests). Probes: /actuator/health/liveness and /readiness.
ENV SERVER_ADDRESS=0.0.0.0 \
    MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED=true \
    MANAGEMENT_ENDPOINT_HEALTH_GROUP_READINESS_INCLUDE=readinessState,db \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
USER 10001:10001
# H2's default ./data lands here (single instance only; several instances share PostgreSQL)
WORKDIR /var/lib/jitgroups
EXPOSE 3978
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 CMD ["jitgroups-healthcheck"]
# Configuration: /etc/jitgroups/application.yml (policies, jit.ldap.*, ...). Secrets: one file per key under
# /run/secrets/jitgroups/ (jit.ldap.password, MicrosoftAppPassword, ...), or environment variables.
ENTRYPOINT ["java", "-jar", "/application/application.jar", "--spring.config.additional-location=optional:file:/etc/jitgroups/", "--spring.config.import=optional:configtree:/run/secrets/jitgroups/"]
