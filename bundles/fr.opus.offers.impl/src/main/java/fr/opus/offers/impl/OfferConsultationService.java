package fr.opus.offers.impl;

import fr.opus.platform.api.security.ServiceDefinition;
import org.osgi.service.component.annotations.Component;

/** {@code consultation-offres}, the base service of annex 1 that the offers capability brings. */
@Component(service = ServiceDefinition.class)
public class OfferConsultationService implements ServiceDefinition {

    @Override
    public String id() {
        return CONSULTATION_OFFRES;
    }

    @Override
    public String label() {
        return "Consultation des offres";
    }

    @Override
    public String description() {
        return "Rechercher et consulter toutes les offres de France Travail, y compris celles qui ne sont pas"
                + " publiées sur le site public, et en éditer le document.";
    }
}
