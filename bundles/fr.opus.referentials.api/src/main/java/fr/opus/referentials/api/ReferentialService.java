package fr.opus.referentials.api;

import java.util.List;
import java.util.Optional;

/**
 * Read access to reference data. Every list is immutable and in code order; lookups accept codes as France
 * Travail writes them. Searches ignore case and accents.
 */
public interface ReferentialService {

    /** The 18 regions of metropolitan France and overseas départements. */
    List<Region> regions();

    /** The 101 départements of metropolitan France and overseas. */
    List<Department> departments();

    /** Communes and municipal arrondissements of metropolitan France and overseas départements. */
    List<Commune> communes();

    /** The ROME 4.0 fiches métier. */
    List<Job> jobs();

    /** The ROME 4.0 job titles. */
    List<Appellation> appellations();

    List<CodeLabel> codeList(CodeList list);

    Optional<Region> region(String code);

    Optional<Department> department(String code);

    Optional<Commune> commune(String inseeCode);

    Optional<Job> job(String romeCode);

    Optional<Appellation> appellation(String code);

    /**
     * ROME fiches whose code starts with {@code text}, or whose label or one of whose titles contains every word of
     * {@code text}; best matches first (code, then main title, then other titles).
     */
    List<Job> findJobs(String text, int limit);

    /**
     * Communes whose INSEE code or postal code starts with {@code text}, or whose name starts with or contains
     * {@code text}; exact and prefix matches first, then by population.
     */
    List<Commune> findCommunes(String text, int limit);

    /** What was loaded, and from which source version. */
    List<Dataset> datasets();
}
