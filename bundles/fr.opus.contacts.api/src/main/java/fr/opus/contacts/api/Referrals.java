package fr.opus.contacts.api;

import fr.opus.platform.api.security.Caller;
import java.util.List;

/**
 * Acts on offers for job seekers. Each is checked against the offer (active; preselection decides between mise en
 * contact and mise en relation or convocation) and the caller's convention ({@code delegation-mer} for a mise en
 * relation).
 */
public interface Referrals {

    /**
     * Records an act for one of the caller's partner's job seekers on an offer, in state {@code PROPOSED}, or
     * directly {@code SENT} when {@code send} is true. One open referral per job seeker and offer.
     */
    Referral create(Caller by, String offerId, String jobSeekerId, ReferralKind kind, boolean send, String comment);

    /** Moves a referral along its state machine; {@code reason} is required for {@code NOT_RETAINED}. */
    Referral move(Caller by, String referralId, ReferralState to, RejectionReason reason, String comment);

    Referral referral(Caller by, String referralId);

    /**
     * The referrals on an offer the caller may see: its partner's; France Travail sees all. (The managing partner's
     * view of every application on its offers comes with issue 5's next step.)
     */
    List<Referral> onOffer(Caller by, String offerId);
}
