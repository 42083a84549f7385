/**
 * The load benchmark of the order flow: starts the local stack in an interaction style, seeds funded
 * and broke users, drives {@code POST /orders} through the ingress with Gatling (a ramp to
 * saturation, then a fixed rate), and measures latency, the order-to-letter lag, resident memory,
 * and the database's own write limit; draws the Grafana dashboard's panels from a Prometheus that
 * scraped the run; publishes a run into docs/performance.md (the default style's) and the styles'
 * table of docs/interaction-styles.md.
 */
package homework.arch.stack.benchmark;
