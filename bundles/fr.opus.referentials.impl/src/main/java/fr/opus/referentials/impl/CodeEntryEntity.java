package fr.opus.referentials.impl;

import fr.opus.referentials.api.CodeLabel;
import java.io.Serializable;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

@Entity
@Table(name = "CODE_ENTRY", schema = "REFERENTIALS")
@IdClass(CodeEntryEntity.Key.class)
public class CodeEntryEntity {
    @Id
    @Column(name = "LIST_NAME")
    String listName;
    @Id
    String code;
    String label;

    CodeLabel toRecord() {
        return new CodeLabel(code, label);
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String listName;
        String code;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(listName, k.listName) && Objects.equals(code, k.code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(listName, code);
        }
    }
}
