/**
 * The browser tier: Debian's headless Chromium, driven by Selenium, opens each service's OpenAPI UI
 * directly and through the ingress, as a new user would, and keeps a screenshot of every page.
 */
package homework.arch.stack.browser;
