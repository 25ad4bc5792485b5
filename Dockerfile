# syntax=docker/dockerfile:1
# Build: the same Maven build as on a developer machine (tests run in CI, not here).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q -ntp dependency:go-offline
COPY src src
COPY config config
COPY web web
RUN mvn -B -q -ntp package -DskipTests

# Run: a JRE, the one jar, and the config it reads (override with CG_* variables).
FROM eclipse-temurin:17-jre
# The PDF report embeds DejaVu Sans (it has every Welsh letter) from this package.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
RUN useradd --system --home /app commonground
WORKDIR /app
COPY --from=build /src/target/common-ground.jar /app/common-ground.jar
COPY config /app/config
RUN mkdir -p /app/data/tmp /app/data/djl && chown -R commonground /app/data
USER commonground
# The embedding model's native libraries unpack at first use: into writable places.
ENV CG_HTTP_PORT=8080 CG_DATA_DIR=/app/data DJL_CACHE_DIR=/app/data/djl JAVA_TOOL_OPTIONS="-Djava.io.tmpdir=/app/data/tmp -Dpdfbox.fontcache=/app/data/tmp"
EXPOSE 8080
VOLUME /app/data
# With no CG_REDIS_URL the server starts its own embedded Redis under /app/data.
# The heap is sized in config/jvm.options (512 MB): give the container at least 768 MB.
CMD ["java", "@/app/config/jvm.options", "-jar", "/app/common-ground.jar"]
