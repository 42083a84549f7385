/**
 * The OpenAPI UI every service serves at {@code /openapi/ui}: what it takes for its page to load
 * whole, directly and behind the ingress's {@code /openapi/<service>}; and the responses the
 * platform gives every operation of the document, whatever its resource declares.
 */
package homework.arch.platform.openapi;
