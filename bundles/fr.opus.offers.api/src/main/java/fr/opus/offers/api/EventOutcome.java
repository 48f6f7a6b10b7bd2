package fr.opus.offers.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What became of one event of a batch.
 *
 * @param eventId the event's id ({@code null} when the event had none)
 * @param index   its position in the batch, from 0
 * @param result  what happened
 * @param code    for {@link Result#REJECTED}: stable problem code
 * @param detail  for {@link Result#REJECTED} and {@link Result#STALE}: the reason, in French
 * @param field   for {@link Result#REJECTED}: the offending property
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventOutcome(String eventId, int index, Result result, String code, String detail, String field) {

    public enum Result {
        /** Stored and applied. */
        ACCEPTED,
        /** Already received under this id; nothing changed. */
        DUPLICATE,
        /** The offer already holds this version or a newer one; stored, not applied. */
        STALE,
        /** Malformed or impossible; not stored. */
        REJECTED
    }

    public static EventOutcome rejected(String eventId, int index, String code, String detail, String field) {
        return new EventOutcome(eventId, index, Result.REJECTED, code, detail, field);
    }
}
