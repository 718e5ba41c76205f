# Images for the distributed topology of docker-compose.yml. Build the jars first: ./mvnw -B package -DskipTests
#   docker build --target node -t cloudmq-node .
#   docker build --target control-plane -t cloudmq-control-plane .
FROM eclipse-temurin:17-jre AS node
# A node reads its settings from CLOUDMQ_* environment variables (CLOUDMQ_ROLE, CLOUDMQ_NODE_ID, ...).
COPY data-plane/target/data-plane-0.1.0-SNAPSHOT-node.jar /opt/cloudmq/cloudmq-node.jar
ENTRYPOINT ["java", "-Xmx512m", "-XX:+UseSerialGC", "-jar", "/opt/cloudmq/cloudmq-node.jar"]

FROM eclipse-temurin:17-jre AS control-plane
COPY control-plane/target/control-plane-0.1.0-SNAPSHOT.jar /opt/cloudmq/control-plane.jar
ENTRYPOINT ["java", "-Xmx512m", "-XX:+UseSerialGC", "-jar", "/opt/cloudmq/control-plane.jar"]
