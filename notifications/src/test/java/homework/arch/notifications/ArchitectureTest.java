package homework.arch.notifications;

import homework.arch.platform.architecture.ServiceArchitectureTest;

/** The package rules every service keeps (platform's {@link ServiceArchitectureTest}), on notifications. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("homework.arch.notifications");
    }
}
