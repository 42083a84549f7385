/** Creates that a client may repeat under its own id: what each answers. */
package homework.arch.platform.idempotency;
