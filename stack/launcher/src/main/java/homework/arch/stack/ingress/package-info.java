/**
 * The local ingress: a Jetty reverse proxy on one port, driven by the Helm chart's route table,
 * that routes the public paths to the services and nothing under {@code /internal/}.
 */
package homework.arch.stack.ingress;
