package fr.opus.referentials.impl;

import fr.opus.referentials.api.Appellation;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "APPELLATION", schema = "REFERENTIALS")
public class AppellationEntity {
    @Id
    String code;
    String label;
    @Column(name = "SHORT_LABEL")
    String shortLabel;
    @Column(name = "ROME_CODE")
    String romeCode;
    boolean principal;

    Appellation toRecord() {
        return new Appellation(code, label, shortLabel, romeCode, principal);
    }
}
