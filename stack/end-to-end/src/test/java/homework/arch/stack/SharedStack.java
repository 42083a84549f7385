package homework.arch.stack;

import java.nio.file.Path;

import homework.arch.stack.fixtures.Folders;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One stack for the fuzz, race, security, browser and scale-out suites (they read, or write only
 * data of their own that no other suite counts), started on first use and stopped when the whole
 * test run ends: starting a stack costs a minute. It runs two replicas of every service, so these
 * suites also prove that what they check holds when each request may land on either replica. Use
 * with {@code @ExtendWith(SharedStack.class)} and a {@link Stack} parameter.
 */
public final class SharedStack implements ParameterResolver {

    public static final Replicas REPLICAS = Replicas.of(2);

    private record Running(Stack stack) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            stack.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Stack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedStack.class, key -> start(), Running.class).stack();
    }

    private static Running start() {
        Path data = Path.of("target", "shared-stack").toAbsolutePath();
        Folders.delete(data);
        return new Running(Stack.on(new StackLayout(data, StackPorts.free(), REPLICAS))
                .start(step -> System.out.println("[shared stack] starting " + step)));
    }
}
