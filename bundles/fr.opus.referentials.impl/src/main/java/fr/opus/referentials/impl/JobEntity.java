package fr.opus.referentials.impl;

import fr.opus.referentials.api.Job;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "JOB", schema = "REFERENTIALS")
public class JobEntity {
    @Id
    @Column(name = "ROME_CODE")
    String romeCode;
    String label;
    @Column(name = "DOMAIN_CODE")
    String domainCode;
    @Column(name = "PARENT_ROME_CODE")
    String parentRomeCode;

    Job toRecord() {
        return new Job(romeCode, label, domainCode, parentRomeCode);
    }
}
