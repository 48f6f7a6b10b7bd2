package fr.opus.referentials.impl;

import fr.opus.referentials.api.Appellation;
import fr.opus.referentials.api.CodeLabel;
import fr.opus.referentials.api.CodeList;
import fr.opus.referentials.api.Commune;
import fr.opus.referentials.api.Dataset;
import fr.opus.referentials.api.Department;
import fr.opus.referentials.api.Job;
import fr.opus.referentials.api.Region;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An immutable in-memory copy of the reference data, with what searches need precomputed. Reference data changes
 * a few times a year; reads must cost nothing.
 */
final class ReferentialData {

    final List<Region> regions;
    final List<Department> departments;
    final List<Commune> communes;
    final List<Job> jobs;
    final List<Appellation> appellations;
    final Map<CodeList, List<CodeLabel>> codeLists;
    final List<Dataset> datasets;

    private final Map<String, Region> regionByCode;
    private final Map<String, Department> departmentByCode;
    private final Map<String, Commune> communeByCode;
    private final Map<String, Job> jobByCode;
    private final Map<String, Appellation> appellationByCode;
    private final List<JobEntry> jobIndex;
    private final List<CommuneEntry> communeIndex;

    private record JobEntry(Job job, String label, String titles) {
    }

    private record CommuneEntry(Commune commune, String name) {
    }

    ReferentialData(List<Region> regions, List<Department> departments, List<Commune> communes, List<Job> jobs,
            List<Appellation> appellations, Map<CodeList, List<CodeLabel>> codeLists, List<Dataset> datasets) {
        this.regions = sorted(regions, Region::code);
        this.departments = sorted(departments, Department::code);
        this.communes = sorted(communes, Commune::inseeCode);
        this.jobs = sorted(jobs, Job::romeCode);
        this.appellations = sorted(appellations, Appellation::code);
        Map<CodeList, List<CodeLabel>> lists = new EnumMap<>(CodeList.class);
        for (CodeList list : CodeList.values()) {
            lists.put(list, List.copyOf(codeLists.getOrDefault(list, List.of())));
        }
        this.codeLists = lists;
        this.datasets = List.copyOf(datasets);
        this.regionByCode = index(this.regions, Region::code);
        this.departmentByCode = index(this.departments, Department::code);
        this.communeByCode = index(this.communes, Commune::inseeCode);
        this.jobByCode = index(this.jobs, Job::romeCode);
        this.appellationByCode = index(this.appellations, Appellation::code);

        Map<String, StringBuilder> titles = new HashMap<>();
        for (Appellation a : this.appellations) {
            titles.computeIfAbsent(a.romeCode(), k -> new StringBuilder()).append(' ').append(Folding.fold(a.label()));
        }
        List<JobEntry> jobIndex = new ArrayList<>(this.jobs.size());
        for (Job job : this.jobs) {
            StringBuilder t = titles.get(job.romeCode());
            jobIndex.add(new JobEntry(job, " " + Folding.fold(job.label()) + " ", t == null ? "" : t + " "));
        }
        this.jobIndex = List.copyOf(jobIndex);
        this.communeIndex = this.communes.stream().map(c -> new CommuneEntry(c, Folding.fold(c.name())))
                .collect(Collectors.toUnmodifiableList());
    }

    Optional<Region> region(String code) {
        return Optional.ofNullable(code == null ? null : regionByCode.get(code.trim()));
    }

    Optional<Department> department(String code) {
        return Optional.ofNullable(code == null ? null : departmentByCode.get(code.trim().toUpperCase(Locale.ROOT)));
    }

    Optional<Commune> commune(String code) {
        return Optional.ofNullable(code == null ? null : communeByCode.get(code.trim().toUpperCase(Locale.ROOT)));
    }

    Optional<Job> job(String code) {
        return Optional.ofNullable(code == null ? null : jobByCode.get(code.trim().toUpperCase(Locale.ROOT)));
    }

    Optional<Appellation> appellation(String code) {
        return Optional.ofNullable(code == null ? null : appellationByCode.get(code.trim()));
    }

    List<Job> findJobs(String text, int limit) {
        String[] words = Folding.words(text);
        if (words.length == 0 || limit <= 0) {
            return List.of();
        }
        String codePrefix = text.trim().toUpperCase(Locale.ROOT);
        boolean looksLikeCode = codePrefix.matches("[A-N]\\d{0,4}");
        List<Scored<Job>> hits = new ArrayList<>();
        for (JobEntry entry : jobIndex) {
            int score = 0;
            if (looksLikeCode && entry.job().romeCode().startsWith(codePrefix)) {
                score = 4;
            } else if (containsAll(entry.label(), words)) {
                score = startsWithWord(entry.label(), words[0]) ? 3 : 2;
            } else if (containsAll(entry.titles(), words)) {
                score = 1;
            }
            if (score > 0) {
                hits.add(new Scored<>(entry.job(), score, 0));
            }
        }
        return best(hits, limit, Comparator.comparing(Job::romeCode));
    }

    List<Commune> findCommunes(String text, int limit) {
        if (text == null || text.isBlank() || limit <= 0) {
            return List.of();
        }
        String trimmed = text.trim().toUpperCase(Locale.ROOT);
        List<Scored<Commune>> hits = new ArrayList<>();
        if (trimmed.matches("[0-9][0-9AB]{0,4}")) {
            for (Commune c : communes) {
                if (c.inseeCode().startsWith(trimmed)) {
                    hits.add(new Scored<>(c, c.inseeCode().equals(trimmed) ? 3 : 2, population(c)));
                } else if (c.postalCodes().stream().anyMatch(p -> p.startsWith(trimmed))) {
                    hits.add(new Scored<>(c, c.postalCodes().contains(trimmed) ? 3 : 1, population(c)));
                }
            }
        } else {
            String query = String.join(" ", Folding.words(text));
            for (CommuneEntry entry : communeIndex) {
                int score = entry.name().equals(query) ? 3 : entry.name().startsWith(query) ? 2
                        : (" " + entry.name()).contains(" " + query) ? 1 : 0;
                if (score > 0) {
                    hits.add(new Scored<>(entry.commune(), score, population(entry.commune())));
                }
            }
        }
        return best(hits, limit, Comparator.comparing(Commune::inseeCode));
    }

    private record Scored<T>(T value, int score, int weight) {
    }

    private static <T> List<T> best(List<Scored<T>> hits, int limit, Comparator<T> tieBreak) {
        return hits.stream()
                .sorted(Comparator.<Scored<T>>comparingInt(Scored::score).reversed()
                        .thenComparing(Comparator.<Scored<T>>comparingInt(Scored::weight).reversed())
                        .thenComparing(Scored::value, tieBreak))
                .limit(limit).map(Scored::value).collect(Collectors.toUnmodifiableList());
    }

    private static int population(Commune c) {
        return c.population() == null ? 0 : c.population();
    }

    private static boolean containsAll(String haystack, String[] words) {
        for (String word : words) {
            if (!haystack.contains(" " + word)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithWord(String label, String word) {
        return label.startsWith(" " + word);
    }

    private static <T> List<T> sorted(List<T> values, Function<T, String> key) {
        return values.stream().sorted(Comparator.comparing(key)).collect(Collectors.toUnmodifiableList());
    }

    private static <T> Map<String, T> index(List<T> values, Function<T, String> key) {
        return values.stream().collect(Collectors.toUnmodifiableMap(key, Function.identity()));
    }
}
