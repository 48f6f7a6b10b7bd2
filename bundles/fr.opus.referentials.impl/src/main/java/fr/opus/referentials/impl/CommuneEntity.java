package fr.opus.referentials.impl;

import fr.opus.referentials.api.Commune;
import java.util.List;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "COMMUNE", schema = "REFERENTIALS")
public class CommuneEntity {
    @Id
    @Column(name = "INSEE_CODE")
    String inseeCode;
    String name;
    boolean arrondissement;
    @Column(name = "PARENT_CODE")
    String parentCode;
    @Column(name = "DEPARTMENT_CODE")
    String departmentCode;
    @Column(name = "REGION_CODE")
    String regionCode;
    /** Postal codes separated by {@code |}, main first. */
    @Column(name = "POSTAL_CODES")
    String postalCodes;
    Integer population;
    Double latitude;
    Double longitude;

    Commune toRecord() {
        List<String> codes = postalCodes == null || postalCodes.isEmpty() ? List.of()
                : List.of(postalCodes.split("\\|"));
        return new Commune(inseeCode, name, arrondissement, parentCode, departmentCode, regionCode, codes,
                population, latitude, longitude);
    }
}
