package fr.opus.referentials.impl;

import fr.opus.referentials.api.Dataset;
import java.sql.Timestamp;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "DATASET", schema = "REFERENTIALS")
public class DatasetEntity {
    @Id
    String name;
    String source;
    @Column(name = "ROW_COUNT")
    int rowCount;
    String checksum;
    @Column(name = "LOADED_AT")
    Timestamp loadedAt;

    Dataset toRecord() {
        return new Dataset(name, source, rowCount, checksum, loadedAt.toInstant());
    }
}
