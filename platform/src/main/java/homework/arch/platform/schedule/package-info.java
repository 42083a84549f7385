/** Background work of a service: tasks that run every so often until the service stops. */
package homework.arch.platform.schedule;
