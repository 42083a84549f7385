/**
 * Tests of the Helm chart in {@code helm/}. There is no cluster on the build machines, so the chart
 * is rendered by real Helm inside the JVM (helm-java) and the rendered objects are read as typed
 * Kubernetes models and checked against the project's sources of truth: the route table, the
 * relay's configuration, the configuration table of {@code docs/development.md}.
 */
package homework.arch.stack.chart;
