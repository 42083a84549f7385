package homework.arch.stack;

import java.nio.file.Path;

import homework.arch.stack.fixtures.Folders;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One stack for the fuzz, security and browser suites (they read, or write only data of their own
 * that no other suite counts), started on first use and stopped when the whole test run ends:
 * starting a stack costs a minute. Use with {@code @ExtendWith(SharedStack.class)} and a
 * {@link Stack} parameter.
 */
public final class SharedStack implements ParameterResolver {

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
        return new Running(Stack.on(new StackLayout(data, StackPorts.free()))
                .start(step -> System.out.println("[shared stack] starting " + step)));
    }
}
