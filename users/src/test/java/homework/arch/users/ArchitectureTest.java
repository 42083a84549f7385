package homework.arch.users;

import homework.arch.platform.architecture.ServiceArchitectureTest;

/** The package rules every service keeps (platform's {@link ServiceArchitectureTest}), on users. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("homework.arch.users");
    }
}
