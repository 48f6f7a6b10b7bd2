package fr.opus.contacts.api;

import fr.opus.platform.api.security.Caller;

/**
 * The follow-up of offers: France Travail's staff and the offer's managing partner read where it stands and record
 * the employer's answer to the follow-up letter.
 */
public interface OfferFollowUps {

    FollowUp followUp(Caller by, String offerId);

    /**
     * Records the employer's answer: still open (a new follow-up later) or filled (Opus closes the offer now and tells
     * the candidates).
     */
    FollowUp answer(Caller by, String offerId, boolean stillOpen, String comment);
}
