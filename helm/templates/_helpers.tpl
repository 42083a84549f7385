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
Init container that creates the order-events topic if it is missing, retrying until the broker
answers. Runs in every pod that produces or consumes the topic, so the topic exists before any of
them starts, with the chart's partition count.
*/}}
{{- define "arch.topicInit" -}}
- name: create-topic
  image: {{ .Values.kafka.image }}
  imagePullPolicy: IfNotPresent
  command: ["/bin/bash", "-c"]
  args:
    - |
      until /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" \
          --create --if-not-exists --topic "$TOPIC" \
          --partitions "$PARTITIONS" --replication-factor "$REPLICATION_FACTOR" \
          --config min.insync.replicas="$MIN_INSYNC_REPLICAS"; do
        echo "waiting for Kafka at $KAFKA_BOOTSTRAP_SERVERS"; sleep 3
      done
  env:
    - {name: KAFKA_BOOTSTRAP_SERVERS, value: {{ include "arch.kafkaBootstrap" . | quote }}}
    - {name: TOPIC, value: {{ include "arch.orderEventsTopic" . }}}
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
