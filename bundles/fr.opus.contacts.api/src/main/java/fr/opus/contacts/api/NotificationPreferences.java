package fr.opus.contacts.api;

import fr.opus.platform.api.security.Caller;

/**
 * Whether the parties of acts receive the update mails (CV asked, interview, outcome…). What the law or the act itself
 * requires is sent regardless: the offer document of a mise en contact, a candidate's notice that their application
 * reached an employer, the employer's list of presented candidates.
 */
public interface NotificationPreferences {

    /** Who may decline the updates. */
    enum Party {
        /** A job seeker, on their request to their counsellor; {@code partyId} is the job seeker's id. */
        JOB_SEEKER,
        /** A counsellor or RGC for themself; {@code partyId} is ignored (the caller's own account). */
        COUNSELLOR,
        /** An employer, on their request to France Travail; {@code partyId} is the e-mail address. */
        EMPLOYER
    }

    /** Whether the party receives the update mails. */
    boolean receivesUpdates(Caller by, Party party, String partyId);

    /** Records the party's choice (audited); returns it. */
    boolean setReceivesUpdates(Caller by, Party party, String partyId, boolean receive);
}
