package homework.arch.billing;

import homework.arch.platform.architecture.ServiceArchitectureTest;

/** The package rules every service keeps (platform's {@link ServiceArchitectureTest}), on billing. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("homework.arch.billing");
    }
}
