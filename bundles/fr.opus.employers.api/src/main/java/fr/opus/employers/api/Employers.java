package fr.opus.employers.api;

import fr.opus.platform.api.security.Caller;
import java.util.List;

/**
 * Employer entries. France Travail's agents and regional operators read and edit every one. A partner's people and
 * applications (convention service {@code consultation-offres}) see an employer only while one of its offers is
 * active and not anonymous, or is managed by their partner; they see its contacts only while one of its active
 * offers is nominative or managed by their partner; they add contacts and notes, and remove only their partner's.
 *
 * <p>An employer exists as soon as an offer carries its SIRET: its entry is made from the offers (the company's
 * name and NAF code of the newest) until someone writes to it, which stores it.
 */
public interface Employers {

    /**
     * The employers the caller may see whose name starts with {@code text} (case and accents aside) — among those
     * already stored — or whose SIRET is {@code text} (any employer with offers), by name.
     */
    List<EmployerSummary> find(Caller by, String text, int limit);

    /** The employer's page; 404 when the caller may not see it. Audited (its contacts are people). */
    Employer employer(Caller by, String siret);

    /** Sets the name, NAF code and address (France Travail only); stores the entry if it was not yet. */
    Employer update(Caller by, String siret, EmployerDraft draft);

    EmployerContact addContact(Caller by, String siret, ContactDraft draft);

    /** Removes a contact: France Travail any, a partner its own partner's only. */
    void removeContact(Caller by, String siret, String contactId);

    EmployerNote addNote(Caller by, String siret, NoteDraft draft);

    /** Rewrites a note: France Travail any, a partner its own partner's only. */
    EmployerNote updateNote(Caller by, String siret, String noteId, NoteDraft draft);

    /** Removes a note: France Travail any, a partner its own partner's only. */
    void removeNote(Caller by, String siret, String noteId);

    /** The employer's offers the caller may see, newest change first. */
    List<EmployerOffer> offers(Caller by, String siret);

    /** The acts (mises en contact, mises en relation, convocations) on those offers the caller may see. */
    List<EmployerAct> history(Caller by, String siret);
}
