package fr.opus.referentials.impl;

import fr.opus.referentials.api.CodeList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVRecord;

/**
 * The reference files this bundle ships under {@code referentials/} and how each one lands in the schema. Each
 * file is a dataset of its own: it is reloaded, whole and in one transaction, when its content changes.
 */
final class Datasets {

    /** Bump when the mapping below changes, so that every dataset is reloaded once. */
    static final int MAPPING_VERSION = 1;

    private static final String GEO = "COG 2026 (@etalab/decoupage-administratif 6.0.0), Licence Ouverte";
    private static final String ROME = "ROME 4.0 v60 (France Travail, sept. 2025), Licence Ouverte v2.0";
    private static final String FT = "Codes de l'API Offres d'emploi v2 de France Travail";
    private static final String NAF = "NAF rév. 2 (INSEE, @socialgouv/codes-naf 1.1.1), Licence Ouverte";

    /** Rows of metropolitan France and the overseas départements; the other overseas collectivities are left out. */
    private static final Predicate<CSVRecord> FRANCE = r -> !"com".equals(r.get("zone"));

    /**
     * One dataset.
     *
     * @param name     stable name, also the DATASET key
     * @param file     file under {@code referentials/}
     * @param source   provenance shown to operators
     * @param table    target table
     * @param columns  target columns, in the order {@code row} gives values
     * @param listName for code lists: the CODE_ENTRY list name (then table and columns are CODE_ENTRY's)
     * @param keep     which rows to load
     * @param row      the values of one row
     */
    record Definition(String name, String file, String source, String table, List<String> columns, String listName,
            Predicate<CSVRecord> keep, Function<CSVRecord, Object[]> row) {
    }

    static final List<Definition> ALL = List.of(
            new Definition("regions", "regions.csv", GEO, "REGION", List.of("CODE", "NAME", "OVERSEAS"), null,
                    FRANCE, r -> new Object[] {r.get("code_region"), r.get("nom"), "drom".equals(r.get("zone"))}),
            new Definition("departements", "departements.csv", GEO, "DEPARTMENT",
                    List.of("CODE", "NAME", "REGION_CODE"), null, FRANCE,
                    r -> new Object[] {r.get("code_departement"), r.get("nom"), r.get("code_region")}),
            new Definition("communes", "communes.csv", GEO + " ; coordonnées rcarlier/datas.fun", "COMMUNE",
                    List.of("INSEE_CODE", "NAME", "ARRONDISSEMENT", "PARENT_CODE", "DEPARTMENT_CODE", "REGION_CODE",
                            "POSTAL_CODES", "POPULATION", "LATITUDE", "LONGITUDE"), null, FRANCE,
                    r -> new Object[] {r.get("code_insee"), r.get("nom"), "ARM".equals(r.get("type")),
                            emptyToNull(r.get("code_commune_parente")), r.get("code_departement"),
                            r.get("code_region"), emptyToNull(r.get("codes_postaux")), integer(r.get("population")),
                            decimal(r.get("latitude")), decimal(r.get("longitude"))}),
            new Definition("metiers", "metiers.csv", ROME, "JOB",
                    List.of("ROME_CODE", "LABEL", "DOMAIN_CODE", "PARENT_ROME_CODE"), null, r -> true,
                    r -> new Object[] {r.get("code_rome"), r.get("libelle_rome"), r.get("code_domaine_professionnel"),
                            emptyToNull(r.get("code_rome_parent"))}),
            new Definition("appellations", "appellations.csv", ROME, "APPELLATION",
                    List.of("CODE", "LABEL", "SHORT_LABEL", "ROME_CODE", "PRINCIPAL"), null, r -> true,
                    r -> new Object[] {r.get("code_ogr"), r.get("libelle_appellation_long"),
                            emptyToNull(r.get("libelle_appellation_court")), r.get("code_rome"),
                            "PRINCIPALE".equals(r.get("classification"))}),
            codeList(CodeList.DOMAINES, "domaines_professionnels.csv", ROME, "code_domaine_professionnel",
                    "libelle_domaine_professionnel", Function.identity()),
            codeList(CodeList.THEMES, "themes.csv", ROME, "code_theme", "libelle_theme", Datasets::withoutLeadingZeros),
            codeList(CodeList.TYPES_CONTRATS, "types_contrats.csv", FT, "code", "libelle", Function.identity()),
            codeList(CodeList.NATURES_CONTRATS, "natures_contrats.csv", FT, "code", "libelle", Function.identity()),
            codeList(CodeList.SECTEURS_ACTIVITES, "naf_divisions.csv", NAF, "code", "libelle", Function.identity()),
            codeList(CodeList.NAFS, "naf_sous_classes.csv", NAF, "code", "libelle", Function.identity()),
            codeList(CodeList.GRANDS_DOMAINES, "grands_domaines_offres.csv", FT, "code", "libelle",
                    Function.identity()),
            codeList(CodeList.QUALIFICATIONS, "qualifications.csv", FT, "code", "libelle", Function.identity()),
            codeList(CodeList.EXPERIENCES, "experience_exigee.csv", FT, "code", "libelle", Function.identity()));

    private Datasets() {
    }

    /** The dataset name of a code list ({@code TYPES_CONTRATS} → {@code typesContrats}), as France Travail names it. */
    static String nameOf(CodeList list) {
        String[] parts = list.name().toLowerCase().split("_");
        StringBuilder name = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            name.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return name.toString();
    }

    private static Definition codeList(CodeList list, String file, String source, String codeColumn,
            String labelColumn, Function<String, String> code) {
        String name = nameOf(list);
        return new Definition(name, file, source, "CODE_ENTRY", List.of("LIST_NAME", "CODE", "LABEL"), list.name(),
                r -> true, r -> new Object[] {list.name(), code.apply(r.get(codeColumn)), r.get(labelColumn)});
    }

    static List<String> names() {
        List<String> names = new ArrayList<>();
        ALL.forEach(d -> names.add(d.name()));
        return names;
    }

    private static String withoutLeadingZeros(String code) {
        return String.valueOf(Integer.parseInt(code));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Integer integer(String value) {
        return value == null || value.isBlank() ? null : Integer.valueOf(value);
    }

    private static Double decimal(String value) {
        return value == null || value.isBlank() ? null : Double.valueOf(value);
    }
}
