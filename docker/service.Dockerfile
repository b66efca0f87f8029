# One image per service: docker compose builds it with SERVICE set to the module name.
# Build the jars first (./mvnw -B package -DskipTests); the image only copies the one it needs.
#
# Layered: the jar is extracted into Spring Boot's layers (libraries, loader, snapshot libraries, the service's own
# classes), each its own image layer, so a rebuild after a code change ships only the last, small one.
# The base image is pinned to a release; move it on deliberately, with the rest of the stack.
FROM eclipse-temurin:17.0.15_6-jre AS layers
ARG SERVICE
WORKDIR /build
COPY ${SERVICE}/target/${SERVICE}-*.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17.0.15_6-jre
# Work folders hold staff personal data: owned by the service user, 0700. A named volume mounted on one of them
# (docker-compose.yml) starts as a copy of it, owner and mode included, so the service can write there.
RUN useradd --system --uid 10001 esr \
    && install -d -o esr -m 0700 /var/lib/esr /var/lib/esr/outbound /var/lib/esr/attendance /var/lib/esr/absence
COPY --from=layers /build/extracted/dependencies/ /app/
COPY --from=layers /build/extracted/spring-boot-loader/ /app/
COPY --from=layers /build/extracted/snapshot-dependencies/ /app/
COPY --from=layers /build/extracted/application/ /app/
USER esr
WORKDIR /var/lib/esr
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-cp", "/app", "org.springframework.boot.loader.launch.JarLauncher"]
