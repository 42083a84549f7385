package homework.arch.orders;

import homework.arch.platform.architecture.ServiceArchitectureTest;

/** The package rules every service keeps (platform's {@link ServiceArchitectureTest}), on orders. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("homework.arch.orders");
    }
}
