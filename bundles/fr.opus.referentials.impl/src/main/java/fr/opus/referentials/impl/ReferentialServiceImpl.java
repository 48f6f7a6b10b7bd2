package fr.opus.referentials.impl;

import fr.opus.platform.api.health.Health;
import fr.opus.platform.api.health.HealthIndicator;
import fr.opus.platform.api.persistence.MigratedSchema;
import fr.opus.referentials.api.Appellation;
import fr.opus.referentials.api.CodeLabel;
import fr.opus.referentials.api.CodeList;
import fr.opus.referentials.api.Commune;
import fr.opus.referentials.api.Dataset;
import fr.opus.referentials.api.Department;
import fr.opus.referentials.api.Job;
import fr.opus.referentials.api.ReferentialService;
import fr.opus.referentials.api.Region;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.sql.DataSource;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference data service. On activation — once the REFERENTIALS schema is migrated — it loads the shipped
 * files that changed since the last boot, then reads the whole schema once through JPA into memory.
 */
@Component(service = {ReferentialService.class, HealthIndicator.class})
public class ReferentialServiceImpl implements ReferentialService, HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(ReferentialServiceImpl.class);

    private final ReferentialData data;

    @Activate
    public ReferentialServiceImpl(@Reference(target = "(osgi.unit.name=opus-referentials)") JpaTemplate jpa,
            @Reference(target = "(dataSourceName=opus)") DataSource dataSource,
            @Reference(target = "(opus.schema=REFERENTIALS)") MigratedSchema schema) {
        long start = System.nanoTime();
        int reloaded = new ReferentialLoader(dataSource, Clock.systemUTC()).loadChanged();
        this.data = jpa.txExpr(TransactionType.Required, ReferentialServiceImpl::read);
        LOG.info("Reference data ready ({} datasets reloaded, {} communes, {} ROME codes) in {} ms", reloaded,
                data.communes.size(), data.jobs.size(), (System.nanoTime() - start) / 1_000_000);
    }

    ReferentialServiceImpl(ReferentialData data) {
        this.data = data;
    }

    static ReferentialData read(EntityManager em) {
        Map<CodeList, List<CodeLabel>> lists = new EnumMap<>(CodeList.class);
        for (CodeEntryEntity e : em.createQuery("SELECT e FROM CodeEntryEntity e ORDER BY e.listName, e.code",
                CodeEntryEntity.class).getResultList()) {
            lists.computeIfAbsent(CodeList.valueOf(e.listName), k -> new ArrayList<>()).add(e.toRecord());
        }
        return new ReferentialData(
                all(em, RegionEntity.class, RegionEntity::toRecord),
                all(em, DepartmentEntity.class, DepartmentEntity::toRecord),
                all(em, CommuneEntity.class, CommuneEntity::toRecord),
                all(em, JobEntity.class, JobEntity::toRecord),
                all(em, AppellationEntity.class, AppellationEntity::toRecord),
                lists,
                all(em, DatasetEntity.class, DatasetEntity::toRecord));
    }

    private static <E, R> List<R> all(EntityManager em, Class<E> entity, Function<E, R> toRecord) {
        return em.createQuery("SELECT e FROM " + entity.getSimpleName() + " e", entity).getResultList().stream()
                .map(toRecord).toList();
    }

    @Override
    public List<Region> regions() {
        return data.regions;
    }

    @Override
    public List<Department> departments() {
        return data.departments;
    }

    @Override
    public List<Commune> communes() {
        return data.communes;
    }

    @Override
    public List<Job> jobs() {
        return data.jobs;
    }

    @Override
    public List<Appellation> appellations() {
        return data.appellations;
    }

    @Override
    public List<CodeLabel> codeList(CodeList list) {
        return data.codeLists.get(list);
    }

    @Override
    public Optional<Region> region(String code) {
        return data.region(code);
    }

    @Override
    public Optional<Department> department(String code) {
        return data.department(code);
    }

    @Override
    public Optional<Commune> commune(String inseeCode) {
        return data.commune(inseeCode);
    }

    @Override
    public Optional<Job> job(String romeCode) {
        return data.job(romeCode);
    }

    @Override
    public Optional<Appellation> appellation(String code) {
        return data.appellation(code);
    }

    @Override
    public List<Job> findJobs(String text, int limit) {
        return data.findJobs(text, limit);
    }

    @Override
    public List<Commune> findCommunes(String text, int limit) {
        return data.findCommunes(text, limit);
    }

    @Override
    public List<Dataset> datasets() {
        return data.datasets;
    }

    @Override
    public String name() {
        return "referentials";
    }

    @Override
    public Health check() {
        Map<String, Object> details = new LinkedHashMap<>();
        for (Dataset dataset : data.datasets) {
            details.put(dataset.name(), dataset.rows());
        }
        boolean complete = data.datasets.size() == Datasets.ALL.size() && data.regions.size() == 18
                && !data.jobs.isEmpty();
        return new Health(complete ? Health.Status.UP : Health.Status.DEGRADED, details);
    }
}
