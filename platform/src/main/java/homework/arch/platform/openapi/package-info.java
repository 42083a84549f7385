/**
 * The OpenAPI UI every service serves at {@code /openapi/ui}: what it takes for its page to load
 * whole, directly and behind the ingress's {@code /openapi/<service>}; and the problem body that
 * every error response of the document has.
 */
package homework.arch.platform.openapi;
