package fr.opus.offers.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The France Travail agent in charge of the offer (correspondant de l'offre), whom partners call about it.
 *
 * @param name       first name and name
 * @param email      professional e-mail
 * @param phone      professional phone
 * @param agencyCode SAFIR code of the agency
 * @param agencyName the agency's name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Correspondent(String name, String email, String phone, String agencyCode, String agencyName) {
}
