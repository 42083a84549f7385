/**
 * Checks of the documentation: every diagram image is rendered from its current PlantUML source and
 * fits a README's width, every relative link of the README and docs/ resolves, no text points outside
 * the repository, the configuration keys and JVM options the docs name are the code's, each
 * interaction style's IDL has the calls and events of its diagram, and the AsyncAPI contract of
 * {@code order.events} names exactly the fields that orders publishes.
 */
package homework.arch.stack.docs;
