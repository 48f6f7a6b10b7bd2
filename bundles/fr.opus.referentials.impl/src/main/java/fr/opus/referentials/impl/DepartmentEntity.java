package fr.opus.referentials.impl;

import fr.opus.referentials.api.Department;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "DEPARTMENT", schema = "REFERENTIALS")
public class DepartmentEntity {
    @Id
    String code;
    String name;
    @Column(name = "REGION_CODE")
    String regionCode;

    Department toRecord() {
        return new Department(code, name, regionCode);
    }
}
