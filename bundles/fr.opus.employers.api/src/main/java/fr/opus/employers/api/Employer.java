package fr.opus.employers.api;

import java.time.Instant;
import java.util.List;

/**
 * An employer's page: the establishment and what France Travail and partners share about it.
 *
 * @param siret         14 digits
 * @param name          the company's name
 * @param nafCode       its activity (NAF rev. 2, {@code 62.01Z}), or {@code null}
 * @param address       its postal address, or {@code null}
 * @param stored        whether the entry is stored; {@code false} while it is only made from the employer's offers
 * @param contactsShown whether the caller may see the employer's contacts; when {@code false}, {@code contacts} is
 *                      empty whatever the entry holds
 * @param contacts      the people to call there (personal data: each read is audited)
 * @param notes         the notes shared about the employer, newest first
 * @param offers        the employer's offers the caller may see, newest change first
 * @param updatedAt     last change to the entry, or {@code null} while it is not stored
 * @param updatedBy     login of who made it, or {@code null}
 */
public record Employer(String siret, String name, String nafCode, String address, boolean stored,
        boolean contactsShown, List<EmployerContact> contacts, List<EmployerNote> notes, List<EmployerOffer> offers,
        Instant updatedAt, String updatedBy) {

    public Employer {
        contacts = List.copyOf(contacts);
        notes = List.copyOf(notes);
        offers = List.copyOf(offers);
    }
}
