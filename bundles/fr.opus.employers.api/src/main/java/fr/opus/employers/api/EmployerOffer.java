package fr.opus.employers.api;

import fr.opus.offers.api.Diffusion;
import fr.opus.offers.api.OfferStatus;
import java.time.Instant;

/**
 * One of the employer's offers, in a list (the offer itself: {@code GET /api/v1/offers/{id}}).
 *
 * @param workplace       the place of work's label ({@code 72 - Le Mans}), or {@code null}
 * @param managedByCaller whether the caller's partner manages the offer (always {@code false} for France Travail)
 */
public record EmployerOffer(String id, String title, OfferStatus status, Diffusion diffusion, String contractType,
        String workplace, Instant changedAt, boolean managedByCaller) {
}
