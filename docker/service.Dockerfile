# One image per service: docker compose builds it with SERVICE set to the module name.
# Build the jars first (./mvnw -B package -DskipTests); the image only copies the one it needs.
FROM eclipse-temurin:17-jre
ARG SERVICE
RUN useradd --system --uid 10001 esr
COPY ${SERVICE}/target/${SERVICE}-*.jar /app/app.jar
USER esr
WORKDIR /var/lib/esr
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
