package io.starlingmq.auth.registry;

import io.starlingmq.rules.Action;
import io.starlingmq.rules.Permission;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One registry rule: a permission for an action on one topic filter, for a scope's subject. */
@Entity
@Table(name = "access_rules")
public class RuleEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public RuleScope scope;

    /** The client id or username the rule is for; null for scope ALL. */
    @Column(length = 256)
    public String subject;

    /** Lower is evaluated first within a scope. */
    @Column(nullable = false)
    public int priority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Permission permission;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Action action;

    @Column(nullable = false, length = 1024)
    public String topic;
}
