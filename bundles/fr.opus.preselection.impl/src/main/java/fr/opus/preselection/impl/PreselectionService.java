package fr.opus.preselection.impl;

import fr.opus.platform.api.security.ServiceDefinition;
import fr.opus.preselection.api.Preselections;
import org.osgi.service.component.annotations.Component;

/**
 * The {@value Preselections#SERVICE} service of annex 1: registered while the module is installed, so that a
 * regional operator may switch it on for the conventions that signed for it. Uninstalled, it disappears from the
 * catalogue: conventions keep it, shown as unavailable, and it cannot be added to another.
 */
@Component(service = ServiceDefinition.class)
public class PreselectionService implements ServiceDefinition {

    @Override
    public String id() {
        return Preselections.SERVICE;
    }

    @Override
    public String label() {
        return "Présélection";
    }

    @Override
    public String description() {
        return "Proposer des candidats sur les offres présélectionnées par France Travail (vérification, valorisation,"
                + " évaluation), suivre leur transmission et le retour de l'employeur.";
    }
}
