/**
 * The load benchmark of the order flow: starts the local stack, seeds funded and broke users, drives
 * {@code POST /orders} through the ingress with Gatling (a ramp to saturation, then a fixed rate),
 * and measures latency, the order-to-letter lag, resident memory, and the database's own write limit;
 * draws the Grafana dashboard's panels from a Prometheus that scraped the run.
 */
package homework.arch.stack.benchmark;
