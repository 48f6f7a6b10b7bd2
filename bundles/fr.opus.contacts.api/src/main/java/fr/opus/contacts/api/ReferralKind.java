package fr.opus.contacts.api;

/** The act done for a job seeker on an offer (DOMAIN §4). */
public enum ReferralKind {
    /**
     * Mise en contact, on an offer without preselection: the counsellor hands the job seeker the offer document
     * with how to apply; the job seeker applies.
     */
    CONTACT,
    /**
     * Mise en relation, on an offer with preselection, for partners whose convention delegates it
     * ({@code delegation-mer}): the counsellor proposes the job seeker to the employer, whose profile is relevant and
     * who is interested.
     */
    RELATION,
    /**
     * Convocation, on a preselected offer when the partner's convention does not delegate the mise en relation: the
     * counsellor summons the candidate to France Travail's selection, which decides on proposing them.
     */
    SUMMONS;

    public String label() {
        return switch (this) {
            case CONTACT -> "mise en contact";
            case RELATION -> "mise en relation";
            case SUMMONS -> "convocation";
        };
    }
}
