package homework.arch.stack.rehearsal;

import homework.arch.stack.StackStyle;

/** The container rehearsal in style 3, with its three relays (see {@link Rehearsal}). */
class EventCollaborationRehearsalIT extends Rehearsal {

    @Override
    StackStyle style() {
        return StackStyle.EVENT_COLLABORATION;
    }
}
