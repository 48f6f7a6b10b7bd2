package fr.opus.contacts.api;

import java.time.LocalDate;

/**
 * Placement activity of one partner over a period (DOMAIN §9), counted from the acts created in the period.
 *
 * @param contacts      mises en contact
 * @param relations     mises en relation
 * @param summons       convocations
 * @param presentations candidates presented to employers
 * @param hired         acts of the period that ended in a hire
 * @param notRetained   … not retained
 * @param noAnswer      … closed without an answer
 * @param open          … still open
 */
public record PlacementActivity(String partnerId, LocalDate from, LocalDate to, long contacts, long relations,
        long summons, long presentations, long hired, long notRetained, long noAnswer, long open) {

    public long acts() {
        return contacts + relations + summons;
    }
}
