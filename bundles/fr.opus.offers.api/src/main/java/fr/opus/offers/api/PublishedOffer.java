package fr.opus.offers.api;

import java.nio.charset.StandardCharsets;

/**
 * An offer as partners see it — masked by its diffusion mode — already rendered as France Travail's JSON
 * {@code Offre} object (UTF-8). Search hands out this form so that a page of 150 offers is copied, not rebuilt.
 *
 * @param id   the offer's id
 * @param json the JSON object
 */
public record PublishedOffer(String id, byte[] json) {

    public String jsonText() {
        return new String(json, StandardCharsets.UTF_8);
    }
}
