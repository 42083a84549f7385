/** The one JSON configuration of every service: strict on input, ISO-8601 and exact decimals on output. */
package homework.arch.platform.json;
