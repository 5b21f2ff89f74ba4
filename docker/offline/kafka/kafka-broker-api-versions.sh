#!/bin/bash
# As in the Kafka distribution; docker-compose.yml's health check calls it.
exec java -Xmx128m -XX:TieredStopAtLevel=1 -Dlogback.configurationFile=/opt/kafka/config/logback.xml \
  -cp '/opt/kafka/libs/*' org.apache.kafka.tools.BrokerApiVersionsCommand "$@"
