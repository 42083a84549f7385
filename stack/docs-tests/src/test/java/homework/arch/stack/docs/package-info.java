/**
 * Checks of the documentation: every diagram image is rendered from its current PlantUML source and
 * fits a README's width, every relative link of the README and docs/ resolves, no text points outside
 * the repository, the configuration keys and JVM options the docs name are the code's, each
 * interaction style's IDL has the calls and events of its diagram, the AsyncAPI contract of
 * {@code order.events} names exactly the fields that orders publishes, and every module's tests
 * assert in the one style of the test kit, Hamcrest's.
 */
package homework.arch.stack.docs;
