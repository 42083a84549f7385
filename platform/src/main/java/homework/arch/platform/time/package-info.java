/** The time as every service reads it. */
package homework.arch.platform.time;
