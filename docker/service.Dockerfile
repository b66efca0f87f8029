# One image per service: docker compose builds it with SERVICE set to the module name.
# Build the jars first (./mvnw -B package -DskipTests); the image only copies the one it needs.
FROM eclipse-temurin:17-jre
ARG SERVICE
# Work folders hold staff personal data: owned by the service user, 0700. A named volume mounted on one of them
# (docker-compose.yml) starts as a copy of it, owner and mode included, so the service can write there.
RUN useradd --system --uid 10001 esr \
    && install -d -o esr -m 0700 /var/lib/esr /var/lib/esr/outbound /var/lib/esr/attendance /var/lib/esr/absence
COPY ${SERVICE}/target/${SERVICE}-*.jar /app/app.jar
USER esr
WORKDIR /var/lib/esr
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
