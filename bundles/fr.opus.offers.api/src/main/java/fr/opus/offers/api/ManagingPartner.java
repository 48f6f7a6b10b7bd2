package fr.opus.offers.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The partner structure that manages an offer on France Travail's behalf: it appears in the offer's application
 * and follow-up blocks and sees every application on it.
 *
 * @param safirCode 5-digit SAFIR code of the partner
 * @param name      the partner's name, as shown to candidates
 * @param email     where candidates apply
 * @param phone     where candidates call
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ManagingPartner(String safirCode, String name, String email, String phone) {
}
