/**
 * Checks of the documentation: every diagram image is rendered from its current PlantUML source,
 * every relative link of the README and docs/ resolves, and the AsyncAPI contract of
 * {@code order.events} names exactly the fields that orders publishes.
 */
package homework.arch.stack.docs;
