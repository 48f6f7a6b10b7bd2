package fr.opus.contacts.api;

import fr.opus.platform.api.security.Caller;
import java.util.List;

/** Presentations of candidates to an offer's employer. */
public interface Presentations {

    /**
     * Presents the caller's partner's job seekers on an offer, all or nothing: one referral each, one mail with the
     * list as a PDF to the employer (or to who relays it), one notice to each candidate. Nothing is ever sent twice:
     * a repeated {@code requestKey} returns the first presentation.
     *
     * @param requestKey the client's idempotency key ({@code Idempotency-Key}), or {@code null}
     * @param message    a short word to the employer, screened like every free text, or {@code null}
     */
    Presentation present(Caller by, String offerId, List<String> jobSeekerIds, String message, String requestKey);

    /** A presentation with where each mail stands; another partner's answers 404. */
    Presentation presentation(Caller by, String presentationId);

    /** The presentations on an offer the caller may see (its partner's; the managing partner and France Travail all). */
    List<Presentation> onOffer(Caller by, String offerId);

    /** Sends again the presentation's mails whose every attempt failed; how many. */
    int retryFailed(Caller by, String presentationId);

    /** The candidate list sent to the employer, as the PDF that was attached. */
    byte[] document(Caller by, String presentationId);
}
