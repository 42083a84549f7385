/**
 * The expected failures every service throws, free of HTTP: the API layer turns each kind into
 * its problem response ({@code homework.arch.platform.problem}).
 */
package homework.arch.platform.failure;
