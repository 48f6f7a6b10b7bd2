package fr.opus.accounts.impl;

import fr.opus.platform.api.security.ServiceDefinition;
import org.osgi.service.component.annotations.Component;

/**
 * {@code delegation-mer}, the base service of annex 1 for proposing job seekers to employers. It is registered here
 * until the contacts capability, which implements it, registers it itself.
 */
@Component(service = ServiceDefinition.class)
public class BaseServices implements ServiceDefinition {

    @Override
    public String id() {
        return DELEGATION_MER;
    }

    @Override
    public String label() {
        return "Délégation de la mise en relation";
    }

    @Override
    public String description() {
        return "Proposer des demandeurs d'emploi aux employeurs sur les offres dont la mise en relation est déléguée.";
    }
}
