package fr.opus.offers.shell;

import fr.opus.offers.api.Correspondent;
import fr.opus.offers.api.ManagingPartner;
import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferCatalog;
import fr.opus.offers.api.OfferContent;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.ShellGuard;
import java.io.PrintStream;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "opus", name = "offer-show",
        description = "Affiche une offre dans tous ses états, avec les champs propres à Opus et son contenu non masqué")
@Service
@Permit(Role.REGIONAL_OPERATOR)
public class OfferShowCommand implements Action {

    private static final String DASH = " – ";

    @Reference
    OfferCatalog catalog;

    @Argument(index = 0, name = "id", required = true, description = "Identifiant France Travail de l'offre (179PPHH)")
    @Completion(OfferIdCompleter.class)
    String id;

    @Override
    public Object execute() {
        if (!ShellGuard.allows(this, System.err)) {
            return null;
        }
        run(System.out, System.err);
        return null;
    }

    void run(PrintStream out, PrintStream err) {
        Optional<Offer> found;
        try {
            found = catalog.find(id.strip());
        } catch (OpusException e) {
            err.println(e.detail());
            return;
        }
        if (found.isEmpty()) {
            err.println("Offre inconnue : " + id.strip());
            return;
        }
        Offer o = found.get();
        OfferContent c = o.content();
        out.println("Offre " + o.id() + (c.title() == null ? "" : DASH + c.title()));
        line(out, "Statut", Texts.status(o.status()) + (o.visible() ? " (visible des partenaires)"
                : " (invisible des partenaires)"));
        line(out, "Version", o.version() + (o.changedAt() == null ? "" : ", modifiée le " + Texts.time(o.changedAt())));
        line(out, "Diffusion", Texts.diffusion(o.diffusion()));
        line(out, "Niveau de service", Texts.supportLevel(o.supportLevel()));
        line(out, "Présélection", Texts.preselection(o.preselection()));
        line(out, "Partenaire gestionnaire", partner(o.managingPartner()));
        line(out, "Correspondant", correspondent(o.correspondent()));
        line(out, "Métier ROME", Texts.join(DASH, c.romeCode(), c.romeLabel()));
        line(out, "Appellation", Texts.join(DASH, o.appellationCode(), c.appellationLabel()));
        if (c.workplace() != null) {
            OfferContent.Workplace w = c.workplace();
            String codes = Texts.join(", ", w.inseeCode() == null ? null : "commune " + w.inseeCode(),
                    w.postalCode() == null ? null : "code postal " + w.postalCode());
            line(out, "Lieu", Texts.join(" ", w.label(), codes == null ? null : "(" + codes + ")"));
        }
        line(out, "Contrat", Texts.join(" ", Texts.join(DASH, c.contractType(), c.contractTypeLabel()),
                c.contractNature() == null ? null : "(" + c.contractNature() + ")"));
        line(out, "Durée du travail", Texts.join(" ", c.workingHoursLabel(),
                c.workingTimeKind() == null ? null : "(" + c.workingTimeKind() + ")"));
        line(out, "Expérience", Texts.join(DASH, c.experienceRequirement(), c.experienceLabel()));
        line(out, "Qualification", Texts.join(DASH, c.qualificationCode(), c.qualificationLabel()));
        line(out, "Salaire", c.salary() == null ? null : c.salary().label());
        line(out, "Secteur d'activité", Texts.join(DASH, c.sector(), c.sectorLabel()));
        line(out, "Entreprise", c.company() == null ? null : c.company().name());
        line(out, "SIRET", o.siret());
        if (c.contact() != null) {
            OfferContent.Contact k = c.contact();
            line(out, "Contact", Texts.join(", ", k.name(), k.email(), k.phone(),
                    k.address1() == null || k.address1().equals(k.applicationUrl()) ? null : k.address1()));
            line(out, "Candidature", k.applicationUrl());
        }
        line(out, "Postes", c.positions() == null ? null : String.valueOf(c.positions()));
        line(out, "Créée le", Texts.time(c.creationDate()));
        line(out, "Actualisée le", Texts.time(c.updateDate()));
        if (c.description() != null && !c.description().isBlank()) {
            out.println();
            out.println(c.description().strip());
        }
    }

    private static String partner(ManagingPartner p) {
        if (p == null) {
            return "aucun";
        }
        return Texts.join(", ", Texts.join(" ", p.name(), p.safirCode() == null ? null : "(SAFIR " + p.safirCode()
                + ")"), p.email(), p.phone());
    }

    private static String correspondent(Correspondent c) {
        if (c == null) {
            return "aucun";
        }
        return Texts.join(", ", c.name(), c.email(), c.phone(), Texts.join(" ", c.agencyName() == null ? null
                : "agence " + c.agencyName(), c.agencyCode() == null ? null : "(SAFIR " + c.agencyCode() + ")"));
    }

    private static void line(PrintStream out, String label, String value) {
        if (value != null && !value.isBlank()) {
            out.printf("%-26s %s%n", label + " :", value);
        }
    }
}
