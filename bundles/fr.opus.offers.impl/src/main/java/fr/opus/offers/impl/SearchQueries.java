package fr.opus.offers.impl;

import fr.opus.offers.api.OfferProblemCodes;
import fr.opus.offers.api.OfferQuery;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.referentials.api.CodeLabel;
import fr.opus.referentials.api.CodeList;
import fr.opus.referentials.api.Commune;
import fr.opus.referentials.api.ReferentialService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Turns an {@link OfferQuery} into a Lucene query and sort. Codes are checked against the reference data, so that
 * a mistyped commune answers 400 instead of an empty list.
 */
final class SearchQueries {

    /** A compiled search. */
    record Compiled(Query query, Sort sort) {
    }

    private final ReferentialService referentials;
    private final OfferIndex index;
    private final OfferAnalyzer analyzer;
    private final Clock clock;
    private final Set<String> natureCodes;
    private final Set<String> grandDomains;

    SearchQueries(ReferentialService referentials, OfferIndex index, Clock clock) {
        this.referentials = referentials;
        this.index = index;
        this.analyzer = index.analyzer();
        this.clock = clock;
        this.natureCodes = codes(CodeList.NATURES_CONTRATS);
        this.grandDomains = codes(CodeList.GRANDS_DOMAINES);
    }

    private Set<String> codes(CodeList list) {
        return referentials.codeList(list).stream().map(CodeLabel::code).collect(Collectors.toSet());
    }

    Compiled compile(OfferQuery q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean scored = false;
        for (String keyword : q.keywords()) {
            Query k = keyword(keyword);
            if (k != null) {
                b.add(k, Occur.MUST);
                scored = true;
            }
        }
        List<Commune> centres = new ArrayList<>();
        for (String code : q.communes()) {
            centres.add(referentials.commune(code).orElseThrow(() -> unknown("commune", code, "Commune inconnue")));
        }
        if (!centres.isEmpty()) {
            b.add(near(centres, q.effectiveDistanceKm()), Occur.FILTER);
        }
        q.romeCodes().forEach(c -> referentials.job(c).orElseThrow(() -> unknown("codeROME", c, "Code ROME inconnu")));
        filter(b, "rome", q.romeCodes());
        if (q.appellation() != null) {
            referentials.appellation(q.appellation())
                    .orElseThrow(() -> unknown("appellation", q.appellation(), "Appellation ROME inconnue"));
            filter(b, "appellation", List.of(q.appellation()));
        }
        if (q.grandDomain() != null && !grandDomains.contains(q.grandDomain())) {
            throw unknown("grandDomaine", q.grandDomain(), "Grand domaine inconnu");
        }
        filter(b, "grandDomain", q.grandDomain());
        filter(b, "domain", q.domain());
        filter(b, "theme", q.theme() == null ? null : String.valueOf(Integer.parseInt(q.theme())));
        filter(b, "sector", q.sectors());
        filter(b, "naf", q.nafCodes());
        q.departments().forEach(d -> referentials.department(d)
                .orElseThrow(() -> unknown("departement", d, "Département inconnu")));
        if (q.includeNeighbours()) {
            throw new OpusException(400, OfferProblemCodes.UNSUPPORTED_PARAMETER,
                    "La recherche sur les départements limitrophes n'est pas encore proposée par Opus : "
                            + "indiquez les départements voulus dans le paramètre departement (5 au plus).",
                    "inclureLimitrophes");
        }
        filter(b, "department", q.departments());
        if (q.region() != null) {
            referentials.region(q.region()).orElseThrow(() -> unknown("region", q.region(), "Région inconnue"));
            filter(b, "region", q.region());
        }
        if (!q.contractTypes().isEmpty() || !q.contractNatures().isEmpty()) {
            q.contractNatures().forEach(n -> {
                if (!natureCodes.contains(n)) {
                    throw unknown("natureContrat", n, "Nature de contrat inconnue");
                }
            });
            // France Travail: typeContrat OR natureContrat
            BooleanQuery.Builder either = new BooleanQuery.Builder();
            if (!q.contractTypes().isEmpty()) {
                either.add(terms("contractType", q.contractTypes()), Occur.SHOULD);
            }
            if (!q.contractNatures().isEmpty()) {
                either.add(terms("nature", q.contractNatures()), Occur.SHOULD);
            }
            b.add(either.build(), Occur.FILTER);
        }
        filter(b, "qualification", q.qualification() == null ? null : "9".equals(q.qualification()) ? "9" : "X");
        if (q.experience() != null && !"0".equals(q.experience())) {
            filter(b, "experience", q.experience());
        }
        filter(b, "experienceReq", q.experienceRequirement());
        filter(b, "fullTime", q.fullTime() == null ? null : q.fullTime().toString());
        if (q.weeklyDuration() != null && !"0".equals(q.weeklyDuration())) {
            filter(b, "weeklyDuration", q.weeklyDuration());
        }
        filter(b, "origin", q.origin());
        flag(b, "accessibleTH", q.disabilityAccessible());
        flag(b, "shortOfCandidates", q.shortOfCandidates());
        flag(b, "adaptedCompany", q.adaptedCompanies());
        flag(b, "handiEngage", q.disabilityCommittedEmployers());
        Instant from = q.minCreationDate();
        if (q.publishedSinceDays() != null) {
            Instant since = clock.instant().minus(Duration.ofDays(q.publishedSinceDays()));
            from = from == null || since.isAfter(from) ? since : from;
        }
        Instant to = q.maxCreationDate();
        if (from != null || to != null) {
            b.add(LongPoint.newRangeQuery("created", from == null ? Long.MIN_VALUE : from.toEpochMilli(),
                    to == null ? Long.MAX_VALUE : to.toEpochMilli()), Occur.FILTER);
        }
        BooleanQuery built = b.build();
        Query query = built.clauses().isEmpty() ? new MatchAllDocsQuery() : built;
        return new Compiled(query, sort(q.sort(), centres, scored));
    }

    private Sort sort(OfferQuery.Sort sort, List<Commune> centres, boolean scored) {
        Optional<Commune> centre = centres.stream().filter(c -> c.latitude() != null).findFirst();
        SortField distance = centre.map(c -> index.distanceFrom(c.latitude(), c.longitude())).orElse(null);
        List<SortField> fields = new ArrayList<>();
        switch (sort) {
            case DATE -> {
                fields.add(OfferIndex.NEWEST);
                if (scored) {
                    fields.add(SortField.FIELD_SCORE);
                }
            }
            case DISTANCE -> {
                if (distance != null) {
                    fields.add(distance);
                }
                if (scored) {
                    fields.add(SortField.FIELD_SCORE);
                }
                fields.add(OfferIndex.NEWEST);
            }
            default -> {
                if (scored) {
                    fields.add(SortField.FIELD_SCORE);
                }
                if (distance != null) {
                    fields.add(distance);
                }
                fields.add(OfferIndex.NEWEST);
            }
        }
        fields.add(OfferIndex.BY_ID);
        return new Sort(fields.toArray(SortField[]::new));
    }

    /**
     * One keyword or expression: every word of it must appear (title words weigh more); an offer id or a ROME code
     * typed as a keyword finds that offer or that job.
     */
    private Query keyword(String keyword) {
        List<String> words = analyzer.terms("text", keyword);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        if (!words.isEmpty()) {
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            for (String w : words) {
                // "text" holds the title too: it decides the match, the title only adds to the score (a conjunction
                // with an optional clause, not a disjunction scored window by window over every match)
                all.add(new BooleanQuery.Builder()
                        .add(new TermQuery(new Term("text", w)), Occur.MUST)
                        .add(new BoostQuery(new TermQuery(new Term("title", w)), 3f), Occur.SHOULD)
                        .build(), Occur.MUST);
            }
            any.add(all.build(), Occur.SHOULD);
        }
        String raw = keyword.strip().toUpperCase(java.util.Locale.ROOT);
        if (raw.matches("[A-Z0-9]{5,20}")) {
            any.add(new TermQuery(new Term("id", raw)), Occur.SHOULD);
            any.add(new TermQuery(new Term("rome", raw)), Occur.SHOULD);
        }
        BooleanQuery q = any.build();
        return q.clauses().isEmpty() ? null : q;
    }

    /** Offers in one of the communes (its arrondissements included) or within {@code km} of it. */
    private static Query near(List<Commune> centres, int km) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (Commune c : centres) {
            any.add(new TermQuery(new Term("commune", c.inseeCode())), Occur.SHOULD);
            if (km > 0 && c.latitude() != null && c.longitude() != null) {
                any.add(LatLonPoint.newDistanceQuery(DistanceSort.FIELD, c.latitude(), c.longitude(), km * 1000.0),
                        Occur.SHOULD);
            }
        }
        return any.build();
    }

    private static void filter(BooleanQuery.Builder b, String field, String value) {
        if (value != null) {
            b.add(new TermQuery(new Term(field, value)), Occur.FILTER);
        }
    }

    private static void filter(BooleanQuery.Builder b, String field, List<String> values) {
        if (!values.isEmpty()) {
            b.add(terms(field, values), Occur.FILTER);
        }
    }

    private static Query terms(String field, List<String> values) {
        return values.size() == 1 ? new TermQuery(new Term(field, values.get(0)))
                : new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }

    private static void flag(BooleanQuery.Builder b, String field, Boolean value) {
        if (Boolean.TRUE.equals(value)) {
            b.add(new TermQuery(new Term(field, "true")), Occur.FILTER);
        }
    }

    private static OpusException unknown(String field, String code, String what) {
        return OpusException.invalid(ProblemCodes.INVALID_PARAMETER, what + " : « " + code + " ».", field);
    }
}
