package fr.opus.offers.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.offers.api.Correspondent;
import fr.opus.offers.api.Diffusion;
import fr.opus.offers.api.ManagingPartner;
import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferContent;
import fr.opus.offers.api.OfferStatus;
import fr.opus.offers.api.PreselectionLevel;
import fr.opus.offers.api.SupportLevel;
import fr.opus.offers.shell.Fakes.Console;
import fr.opus.platform.api.OpusException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfferShowCommandTest {

    private final Fakes.Catalog catalog = new Fakes.Catalog();
    private final OfferShowCommand command = new OfferShowCommand();

    OfferShowCommandTest() {
        command.catalog = catalog;
    }

    private static String value(String out, String label) {
        return out.lines().filter(l -> l.startsWith(label + " :")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip())
                .orElseThrow(() -> new AssertionError("no line « " + label + " » in\n" + out));
    }

    @Test
    void showsOpusFieldsAndTheUnmaskedContent() {
        catalog.offers.put("179PPHH", new Offer("179PPHH", OfferStatus.SUSPENDED, 4,
                Instant.parse("2024-09-04T22:45:54Z"), Diffusion.VISIBILITY, SupportLevel.ACCOMPANIMENT,
                PreselectionLevel.ASSESSMENT,
                new Correspondent("Jeanne Martin", "jeanne.martin@francetravail.fr", null, "34020", "Montpellier"),
                new ManagingPartner("34012", "Mission Locale de Montpellier", "offres@ml.example", "0467000000"),
                "38444", Fakes.exampleContent(), "35600000000048"));
        command.id = " 179PPHH ";

        Console console = Console.of(command::run);
        String out = console.out();

        assertEquals("Offre 179PPHH – Gestionnaire de stock", out.lines().findFirst().orElseThrow());
        assertEquals("suspendue (invisible des partenaires)", value(out, "Statut"));
        assertEquals("4, modifiée le 05/09/2024 00:45:54", value(out, "Version"));
        assertEquals("visibilité (nom de l'entreprise seul)", value(out, "Diffusion"));
        assertEquals("accompagnement", value(out, "Niveau de service"));
        assertEquals("évaluation", value(out, "Présélection"));
        assertEquals("Mission Locale de Montpellier (SAFIR 34012), offres@ml.example, 0467000000",
                value(out, "Partenaire gestionnaire"));
        assertEquals("Jeanne Martin, jeanne.martin@francetravail.fr, agence Montpellier (SAFIR 34020)",
                value(out, "Correspondant"));
        assertEquals("N1103 – Préparateur / Préparatrice de commandes", value(out, "Métier ROME"));
        assertEquals("38444 – Agent / Agente logistique en magasinage", value(out, "Appellation"));
        assertEquals("34 - Saint-Aunès (commune 34240, code postal 34130)", value(out, "Lieu"));
        assertEquals("MIS – Intérim - 6 Mois (Contrat travail)", value(out, "Contrat"));
        assertEquals("35H (Temps plein)", value(out, "Durée du travail"));
        assertEquals("S – 1 An(s)", value(out, "Expérience"));
        assertEquals("5 – Employé non qualifié", value(out, "Qualification"));
        assertEquals("Mensuel de 1833.0 Euros à 2250.0 Euros sur 12.0 mois", value(out, "Salaire"));
        assertEquals("78 – Activités des agences de travail temporaire", value(out, "Secteur d'activité"));
        assertEquals("ADEQUAT INTERIM", value(out, "Entreprise"), "operators see the employer whatever the diffusion");
        assertEquals("35600000000048", value(out, "SIRET"));
        assertEquals("ADEQUAT INTERIM", value(out, "Contact"), "coordonnees1 repeats the application URL");
        assertTrue(value(out, "Candidature").startsWith("https://www.lejobadequat.com/?job=251887"));
        assertEquals("19/08/2024 13:01:06", value(out, "Créée le"));
        assertTrue(out.contains("Notre agence Adéquat de Montpellier recrute"), out);
        assertEquals("", console.err());
    }

    @Test
    void anOfferWithLittleContentShowsWhatItHas() {
        catalog.offers.put("X1", new Offer("X1", OfferStatus.ACTIVE, 1, null, null, null, null, null, null, null,
                OfferContent.builder().id("X1").build(), null));
        command.id = "X1";
        String out = Console.of(command::run).out();
        assertEquals("Offre X1", out.lines().findFirst().orElseThrow());
        assertEquals("active (visible des partenaires)", value(out, "Statut"));
        assertEquals("1", value(out, "Version"));
        assertEquals("nominative", value(out, "Diffusion"));
        assertEquals("appui", value(out, "Niveau de service"));
        assertEquals("aucune", value(out, "Présélection"));
        assertEquals("aucun", value(out, "Partenaire gestionnaire"));
        assertTrue(out.lines().noneMatch(l -> l.startsWith("Lieu")), out);
        assertTrue(out.lines().noneMatch(l -> l.startsWith("SIRET")), out);
    }

    @Test
    void unknownOfferIsOneFrenchLine() {
        command.id = "ZZZ999";
        Console console = Console.of(command::run);
        assertEquals(List.of("Offre inconnue : ZZZ999"), console.err().lines().toList());
        assertEquals("", console.out());
    }

    @Test
    void aCatalogFailureIsOneFrenchLine() {
        catalog.failure = new OpusException(503, "unavailable", "La base des offres est indisponible.", null);
        command.id = "X1";
        assertEquals(List.of("La base des offres est indisponible."), Console.of(command::run).err().lines().toList());
    }
}
