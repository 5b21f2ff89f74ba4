# One build for every image of the system (legacy builder compatible: no RUN --mount, no
# heredocs). Targets:
#   service         a service, chosen with --build-arg SERVICE=onboarding-service|directory-service|notification-service
#   contract-setup  the one-shot step that creates the topics and registers the schemas
ARG JDK_IMAGE=eclipse-temurin:21-jdk
ARG JRE_IMAGE=eclipse-temurin:21-jre

FROM ${JDK_IMAGE} AS build
WORKDIR /workspace
# the poms first, so that the dependency layer is reused while only sources change
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY schemas/pom.xml schemas/
COPY local-stack/pom.xml local-stack/
COPY onboarding-service/pom.xml onboarding-service/
COPY directory-service/pom.xml directory-service/
COPY notification-service/pom.xml notification-service/
RUN ./mvnw -B -q dependency:go-offline -DexcludeTypes=tar.gz || true
COPY . .
RUN ./mvnw -B -q -DskipTests -Dspring-javaformat.skip=true package \
 && for s in onboarding-service directory-service notification-service; do \
      java -Djarmode=tools -jar "$s/target/$s.jar" extract --layers --launcher --destination "/layers/$s"; \
    done

FROM ${JRE_IMAGE} AS contract-setup
RUN useradd --system --uid 10001 --no-create-home app
WORKDIR /app
COPY --from=build /workspace/local-stack/target/local-stack.jar /app/local-stack.jar
COPY --from=build /workspace/local-stack/target/lib /app/lib
USER 10001
ENTRYPOINT ["java", "-Xmx128m", "-cp", "/app/local-stack.jar:/app/lib/*", "org.membership.stack.ContractSetup"]

FROM ${JRE_IMAGE} AS service
ARG SERVICE
RUN useradd --system --uid 10001 --no-create-home app
WORKDIR /app
# Spring Boot's layers, least to most often changed
COPY --from=build /layers/${SERVICE}/dependencies/ ./
COPY --from=build /layers/${SERVICE}/spring-boot-loader/ ./
COPY --from=build /layers/${SERVICE}/snapshot-dependencies/ ./
COPY --from=build /layers/${SERVICE}/application/ ./
USER 10001
ENV SERVER_ADDRESS=0.0.0.0 \
    SERVER_PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Dorg.apache.avro.SERIALIZABLE_PACKAGES=org.membership.events"
EXPOSE 8080
# bash's /dev/tcp: the JRE image has no curl
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=5 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/$SERVER_PORT && printf "GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && grep -q "\"UP\"" <&3'
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
