# The project's own images, from the jars that `./mvnw -B -DskipTests package` builds on the host
# (one toolchain and one dependency download for tests and images; the legacy builder, the only
# one on some machines, has no cache mounts to make an in-image Maven build cheap).
# Legacy builder compatible: no RUN --mount, no heredocs, no COPY --chmod. Targets:
#   contract-setup  the one-shot step that creates the topics and registers the schemas
#   service         a service: --build-arg SERVICE=onboarding-service|directory-service|notification-service
# JRE_IMAGE is any Debian or Ubuntu based Java 21+ runtime: upstream Temurin by default,
# membership-offline/java:21 in the offline build (docker/offline/build-images.sh).
ARG JRE_IMAGE=eclipse-temurin:21-jre

FROM ${JRE_IMAGE} AS contract-setup
RUN useradd --system --uid 10001 --no-create-home app
# the mount point of the staff-keys volume: a new volume takes this owner, so the step can write the keys
RUN mkdir /keys && chown 10001 /keys
WORKDIR /app
# the contract-setup module's runtime class path: Kafka's client and the schemas, no broker
COPY contract-setup/target/lib/ /app/lib/
COPY contract-setup/target/contract-setup.jar /app/contract-setup.jar
USER 10001
ENTRYPOINT ["java", "-Xmx128m", "-Dlogback.configurationFile=org/membership/stack/contract-setup-logback.xml", \
  "-cp", "/app/contract-setup.jar:/app/lib/*", "org.membership.stack.ContractSetup"]

FROM ${JRE_IMAGE} AS layers
ARG SERVICE
WORKDIR /layers
COPY ${SERVICE}/target/${SERVICE}.jar application.jar
RUN java -Djarmode=tools -jar application.jar extract --layers --launcher --destination extracted

FROM ${JRE_IMAGE} AS service
ARG SERVICE
LABEL org.opencontainers.image.title="${SERVICE}"
RUN useradd --system --uid 10001 --no-create-home app
WORKDIR /app
# Spring Boot's layers, least to most often changed
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
USER 10001
# every setting comes from the environment (SPRING_*, SERVER_PORT, STAFF_PASSWORD, ...)
ENV SERVER_ADDRESS=0.0.0.0 \
    SERVER_PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Dorg.apache.avro.SERIALIZABLE_PACKAGES=org.membership.events"
EXPOSE 8080
# bash's /dev/tcp: the runtime image need not have curl
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=5 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/$SERVER_PORT && printf "GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && grep -q "\"UP\"" <&3'
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
