/** What the services' fault-tolerant calls to each other need beside MicroProfile Fault Tolerance. */
package homework.arch.platform.resilience;
