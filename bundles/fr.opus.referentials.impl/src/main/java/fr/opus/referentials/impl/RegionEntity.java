package fr.opus.referentials.impl;

import fr.opus.referentials.api.Region;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "REGION", schema = "REFERENTIALS")
public class RegionEntity {
    @Id
    String code;
    String name;
    boolean overseas;

    Region toRecord() {
        return new Region(code, name, overseas);
    }
}
