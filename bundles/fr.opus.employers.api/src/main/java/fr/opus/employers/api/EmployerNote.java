package fr.opus.employers.api;

import java.time.Instant;

/**
 * A note shared about an employer.
 *
 * @param partnerId    the author's partner, or {@code null} when France Travail wrote it
 * @param organisation the author's partner's name, or {@code France Travail}
 * @param author       login of the author (of the last change, once rewritten)
 * @param writtenAt    when it was first written
 * @param updatedAt    when it was last rewritten (equal to {@code writtenAt} until then)
 */
public record EmployerNote(String id, String text, String partnerId, String organisation, String author,
        Instant writtenAt, Instant updatedAt) {
}
