package fr.opus.employers.shell;

import fr.opus.employers.api.Employer;
import fr.opus.employers.api.EmployerContact;
import fr.opus.employers.api.EmployerNote;
import fr.opus.employers.api.EmployerOffer;
import fr.opus.employers.api.Employers;
import fr.opus.offers.api.Diffusion;
import fr.opus.offers.api.OfferStatus;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.ShellGuard;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * An employer's entry as France Travail sees it: name, NAF code, address, contacts, notes and every offer. The read
 * is audited like any other (the contacts are people).
 */
@Command(scope = "opus", name = "employer-show",
        description = "Fiche d'un employeur par son SIRET : contacts, notes partagées et offres")
@Service
@Permit(Role.REGIONAL_OPERATOR)
public class EmployerShowCommand implements Action {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Europe/Paris"));

    @Reference
    Employers employers;

    @Argument(name = "siret", description = "SIRET de l'établissement (14 chiffres)", required = true)
    String siret;

    @Override
    public Object execute() {
        run(System.out, System.err);
        return null;
    }

    /** Checks the caller, reads, prints; a refusal or an error is one French line on {@code err}. */
    void run(PrintStream out, PrintStream err) {
        Employer e;
        try {
            Caller caller = ShellGuard.check(this);
            e = employers.employer(caller, siret);
        } catch (OpusException x) {
            err.println(x.detail());
            return;
        }
        out.println("Employeur " + e.siret() + " – " + e.name());
        line(out, "Code NAF", e.nafCode());
        line(out, "Adresse", e.address());
        line(out, "Fiche", e.stored() ? "enregistrée, modifiée le " + when(e.updatedAt()) + " par " + e.updatedBy()
                : "faite à partir des offres (personne n'y a encore écrit)");

        out.println();
        out.println("Contacts (" + e.contacts().size() + ")");
        if (!e.contacts().isEmpty()) {
            ShellTable contacts = new ShellTable();
            contacts.column("Nom");
            contacts.column("Fonction");
            contacts.column("Courriel");
            contacts.column("Téléphone");
            contacts.column("Ajouté par");
            for (EmployerContact c : e.contacts()) {
                contacts.addRow().addContent(c.name(), text(c.role()), text(c.email()), text(c.phone()),
                        c.organisation() + " (" + c.addedBy() + "), " + when(c.createdAt()));
            }
            contacts.print(out);
        }

        out.println();
        out.println("Notes (" + e.notes().size() + ")");
        for (EmployerNote n : e.notes()) {
            out.println("- " + when(n.writtenAt()) + ", " + n.organisation() + " (" + n.author() + ")"
                    + (n.updatedAt().equals(n.writtenAt()) ? "" : ", réécrite le " + when(n.updatedAt())) + " :");
            out.println("  " + n.text().strip().replace("\n", "\n  "));
        }

        out.println();
        out.println("Offres (" + e.offers().size() + ")");
        if (!e.offers().isEmpty()) {
            ShellTable offers = new ShellTable();
            offers.column("Offre");
            offers.column("Intitulé");
            offers.column("Statut");
            offers.column("Diffusion");
            offers.column("Contrat");
            offers.column("Lieu");
            offers.column("Modifiée le");
            for (EmployerOffer o : e.offers()) {
                offers.addRow().addContent(o.id(), text(o.title()), status(o.status()), diffusion(o.diffusion()),
                        text(o.contractType()), text(o.workplace()), when(o.changedAt()));
            }
            offers.print(out);
        }
    }

    private static void line(PrintStream out, String label, String value) {
        out.printf("%-10s %s%n", label + " :", text(value));
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    private static String when(Instant instant) {
        return instant == null ? "—" : WHEN.format(instant);
    }

    static String status(OfferStatus status) {
        return status == null ? "—" : switch (status) {
            case ACTIVE -> "active";
            case SUSPENDED -> "suspendue";
            case CANCELLED -> "annulée";
            case CLOSED -> "clôturée";
        };
    }

    static String diffusion(Diffusion diffusion) {
        return diffusion == null ? "—" : switch (diffusion) {
            case NOMINATIVE -> "nominative";
            case VISIBILITY -> "visibilité";
            case ANONYMOUS -> "anonyme";
        };
    }
}
