package fr.opus.employers.api;

import java.time.Instant;

/**
 * Someone to call at the employer.
 *
 * @param role         their role there ({@code Responsable du recrutement}), or {@code null}
 * @param partnerId    the partner whose staff added it, or {@code null} when France Travail did
 * @param organisation who added it, as shown to people: the partner's name, or {@code France Travail}
 * @param addedBy      login of who added it
 */
public record EmployerContact(String id, String name, String role, String email, String phone, String partnerId,
        String organisation, String addedBy, Instant createdAt) {
}
