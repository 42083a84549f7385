package homework.arch.stack.rehearsal;

import homework.arch.stack.StackStyle;

/** The container rehearsal in style 2, the chart's default (see {@link Rehearsal}). */
class ContainerRehearsalIT extends Rehearsal {

    @Override
    StackStyle style() {
        return StackStyle.HTTP_BROKER;
    }
}
