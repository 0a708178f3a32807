# Builds HLD Prep and runs it in production mode (profile prod: PostgreSQL, no demo users).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp dependency:go-offline
COPY src src
COPY processes processes
RUN mvn -B -ntp package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 hldprep
USER hldprep
COPY --from=build /src/target/hld-prep-*.jar /app/hld-prep.jar
ENV SPRING_PROFILES_ACTIVE=prod
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/hld-prep.jar"]
