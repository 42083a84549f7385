{{/* Release-wide name prefix: "arch" for `helm install arch ./helm`. */}}
{{- define "arch.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Standard labels of one component; call with (dict "root" $ "component" "users"). */}}
{{- define "arch.labels" -}}
{{ include "arch.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/part-of: arch
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "arch.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* Name of one component's objects, e.g. arch-users; call with (dict "root" $ "component" "users"). */}}
{{- define "arch.name" -}}
{{- printf "%s-%s" (include "arch.fullname" .root) .component -}}
{{- end -}}

{{/* The Secret of the roles' passwords: the generated one, or the user's with an external PostgreSQL. */}}
{{- define "arch.secretName" -}}
{{- if .Values.postgres.enabled -}}
{{- printf "%s-db" (include "arch.fullname" .) -}}
{{- else -}}
{{- .Values.postgres.external.rolesSecret -}}
{{- end -}}
{{- end -}}

{{- define "arch.postgresHost" -}}
{{- if .Values.postgres.enabled -}}
{{- include "arch.name" (dict "root" . "component" "postgres") -}}
{{- else -}}
{{- .Values.postgres.external.host -}}
{{- end -}}
{{- end -}}

{{- define "arch.postgresPort" -}}
{{- if .Values.postgres.enabled }}5432{{ else }}{{ .Values.postgres.external.port | default 5432 }}{{ end -}}
{{- end -}}

{{/* libpq/JDBC sslmode: disable for the bundled PostgreSQL, postgres.external.sslMode otherwise. */}}
{{- define "arch.postgresSslMode" -}}
{{- if .Values.postgres.enabled }}disable{{ else }}{{ .Values.postgres.external.sslMode | default "disable" }}{{ end -}}
{{- end -}}

{{/* A service's JDBC URL; call with (dict "root" $ "database" "users"). */}}
{{- define "arch.jdbcUrl" -}}
{{- printf "jdbc:postgresql://%s:%s/%s" (include "arch.postgresHost" .root) (include "arch.postgresPort" .root) .database -}}
{{- if not .root.Values.postgres.enabled }}?sslmode={{ include "arch.postgresSslMode" .root }}{{ end -}}
{{- end -}}

{{/* Fixed by the relay's EventRouter (aggregatetype "order" -> "order.events"), not a value. */}}
{{- define "arch.orderEventsTopic" -}}
order.events
{{- end -}}

{{/*
The databases whose outbox a relay streams to Kafka, comma-separated: orders' in http-broker;
users', billing's and orders' in event-collaboration; none in http-only.
*/}}
{{- define "arch.outboxDatabases" -}}
{{- if eq .Values.style "event-collaboration" }}users,billing,orders{{ else if eq .Values.style "http-broker" }}orders{{ end -}}
{{- end -}}

{{/* The topic a source's relay publishes to: the EventRouter's <aggregatetype>.events. */}}
{{- define "arch.topicOf" -}}
{{- get (dict "users" "user.events" "billing" "payment.events" "orders" "order.events") . -}}
{{- end -}}

{{/* The relay of one source database: outbox-relay (orders', as ever), outbox-relay-users, ... */}}
{{- define "arch.relayComponent" -}}
{{- if eq . "orders" }}outbox-relay{{ else }}outbox-relay-{{ . }}{{ end -}}
{{- end -}}

{{/* The replication slot outbox-relay/database.sql makes in a source database. */}}
{{- define "arch.slotOf" -}}
{{- if eq . "orders" }}debezium_outbox{{ else }}debezium_outbox_{{ . }}{{ end -}}
{{- end -}}

{{/* "true" when the style runs Kafka and the relay (every style but http-only), else empty. */}}
{{- define "arch.broker" -}}
{{- if ne .Values.style "http-only" }}true{{ end -}}
{{- end -}}

{{- define "arch.kafkaBootstrap" -}}
{{- if .Values.kafka.enabled -}}
{{- printf "%s:9092" (include "arch.name" (dict "root" . "component" "kafka")) -}}
{{- else -}}
{{- .Values.kafka.external.bootstrapServers -}}
{{- end -}}
{{- end -}}

{{/* kafka.external.securityProtocol for an external Kafka; PLAINTEXT for the bundled one or none. */}}
{{- define "arch.kafkaSecurityProtocol" -}}
{{- if and (include "arch.broker" .) (not .Values.kafka.enabled) -}}
{{- .Values.kafka.external.securityProtocol | default "PLAINTEXT" -}}
{{- else -}}
PLAINTEXT
{{- end -}}
{{- end -}}

{{/* "true" when the clients trust the CA of kafka.external.caCert (SSL, SASL_SSL), else empty. */}}
{{- define "arch.kafkaCaCert" -}}
{{- if and (hasSuffix "SSL" (include "arch.kafkaSecurityProtocol" .)) .Values.kafka.external.caCert.secretName }}true{{ end -}}
{{- end -}}

{{/*
How every Kafka client of the release connects (kafka.external): one variable per kafka-clients
setting, KAFKA_SECURITY_PROTOCOL for security.protocol and so on, the same for the services
(MicroProfile Config: kafka.security.protocol), the relays (placeholders in
outbox-relay/application.properties) and the topic's creation (its --command-config). None with
PLAINTEXT. The CA certificate is a file: arch.kafkaCaMount and arch.kafkaCaVolume.
*/}}
{{- define "arch.kafkaClientEnv" -}}
{{- $external := .Values.kafka.external -}}
{{- $protocol := include "arch.kafkaSecurityProtocol" . -}}
{{- if ne $protocol "PLAINTEXT" -}}
- {name: KAFKA_SECURITY_PROTOCOL, value: {{ $protocol | quote }}}
{{- if hasPrefix "SASL_" $protocol }}
- {name: KAFKA_SASL_MECHANISM, value: {{ $external.sasl.mechanism | quote }}}
- name: KAFKA_SASL_JAAS_CONFIG
  valueFrom:
    secretKeyRef: {name: {{ $external.sasl.jaasConfig.secretName | quote }}, key: {{ $external.sasl.jaasConfig.key | quote }}}
{{- end }}
{{- if include "arch.kafkaCaCert" . }}
- {name: KAFKA_SSL_TRUSTSTORE_TYPE, value: PEM}
- {name: KAFKA_SSL_TRUSTSTORE_LOCATION, value: /etc/arch/kafka-ca/ca.crt}
{{- end }}
{{- end }}
{{- end -}}

{{- define "arch.kafkaCaMount" -}}
{{- if include "arch.kafkaCaCert" . -}}
- {name: kafka-ca, mountPath: /etc/arch/kafka-ca, readOnly: true}
{{- end }}
{{- end -}}

{{- define "arch.kafkaCaVolume" -}}
{{- if include "arch.kafkaCaCert" . -}}
- name: kafka-ca
  secret:
    secretName: {{ .Values.kafka.external.caCert.secretName | quote }}
    items:
      - {key: {{ .Values.kafka.external.caCert.key | quote }}, path: ca.crt}
{{- end }}
{{- end -}}

{{/* Pod-level security: non-root, default seccomp, no API token. Call with the uid. */}}
{{- define "arch.podSecurity" -}}
automountServiceAccountToken: false
securityContext:
  runAsNonRoot: true
  runAsUser: {{ . }}
  runAsGroup: {{ . }}
  fsGroup: {{ . }}
  seccompProfile:
    type: RuntimeDefault
{{- end -}}

{{/* Container-level security shared by every container of the chart. */}}
{{- define "arch.containerSecurity" -}}
securityContext:
  runAsNonRoot: true
  allowPrivilegeEscalation: false
  readOnlyRootFilesystem: true
  capabilities:
    drop: [ALL]
{{- end -}}

{{/* Reference to one generated password in the Secret; call with (dict "root" $ "key" "users"). */}}
{{- define "arch.passwordRef" -}}
valueFrom:
  secretKeyRef:
    name: {{ include "arch.secretName" .root }}
    key: {{ .key }}-password
{{- end -}}

{{/*
Init container that creates the style's topics if they are missing (order.events; in style
event-collaboration also user.events and payment.events), retrying until the broker answers. Runs in
every pod that produces or consumes one, so they exist before any of them starts, with the chart's
partition count and replication.
*/}}
{{- define "arch.topicInit" -}}
- name: create-topic
  image: {{ .Values.kafka.image }}
  imagePullPolicy: IfNotPresent
  command: ["/bin/bash", "-c"]
  args:
    - |
      # The client settings arch.kafkaClientEnv gives (KAFKA_SASL_MECHANISM -> sasl.mechanism, ...).
      config=/tmp/kafka-client.properties
      : > "$config"
      for setting in security.protocol sasl.mechanism sasl.jaas.config ssl.truststore.type ssl.truststore.location; do
        variable="KAFKA_$(echo "$setting" | tr 'a-z.' 'A-Z_')"
        if [ -n "${!variable}" ]; then printf '%s=%s\n' "$setting" "${!variable}" >> "$config"; fi
      done
      for topic in $TOPICS; do
        until /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" \
          --command-config "$config" --create --if-not-exists --topic "$topic" \
          --partitions "$PARTITIONS" --replication-factor "$REPLICATION_FACTOR" \
          --config min.insync.replicas="$MIN_INSYNC_REPLICAS"; do
          echo "waiting for Kafka at $KAFKA_BOOTSTRAP_SERVERS"; sleep 3
        done
      done
  env:
    - {name: KAFKA_BOOTSTRAP_SERVERS, value: {{ include "arch.kafkaBootstrap" . | quote }}}
    {{- include "arch.kafkaClientEnv" . | nindent 4 }}
    {{- $topics := list }}
    {{- range $database := splitList "," (include "arch.outboxDatabases" .) }}
    {{- $topics = append $topics (include "arch.topicOf" $database) }}
    {{- end }}
    - {name: TOPICS, value: {{ join " " $topics | quote }}}
    - {name: PARTITIONS, value: {{ .Values.kafka.orderEventsPartitions | quote }}}
    - {name: REPLICATION_FACTOR, value: {{ .Values.kafka.replicationFactor | quote }}}
    - {name: MIN_INSYNC_REPLICAS, value: {{ .Values.kafka.minInsyncReplicas | quote }}}
    - {name: LOG_DIR, value: /tmp/kafka-logs}
    - {name: KAFKA_HEAP_OPTS, value: "-Xmx128m"}
  resources:
    requests: {cpu: 50m, memory: 128Mi}
    limits: {cpu: 500m, memory: 256Mi}
  {{- include "arch.containerSecurity" . | nindent 2 }}
    runAsUser: 1000
    runAsGroup: 1000
  volumeMounts:
    - {name: tmp, mountPath: /tmp}
    {{- include "arch.kafkaCaMount" . | nindent 4 }}
{{- end -}}

{{/* The port of the relay's JMX exporter (Debezium Server's metrics as Prometheus text). */}}
{{- define "arch.relayMetricsPort" -}}
9404
{{- end -}}

{{/*
Prometheus' scrape annotations of a pod, with metrics.prometheusAnnotations; empty without.
Call with (dict "root" $ "port" 8080).
*/}}
{{- define "arch.scrapeAnnotations" -}}
{{- if .root.Values.metrics.prometheusAnnotations -}}
prometheus.io/scrape: "true"
prometheus.io/port: {{ .port | quote }}
prometheus.io/path: /metrics
{{- end -}}
{{- end -}}
