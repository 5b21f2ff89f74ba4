-- The dead letters a service has replayed (service-support's dead-letter handling). A
-- repeatable migration with "if not exists", so that it runs after whatever versioned
-- migrations the service has, whichever versions they use; a change to this table must
-- stay runnable on a database that has it already.
create table if not exists dead_letter_replay (
    dead_letter_topic     varchar(249) not null,
    dead_letter_partition integer      not null,
    dead_letter_offset    bigint       not null,
    replayed_at           timestamp with time zone not null,
    replayed_by           varchar(200) not null,
    constraint dead_letter_replay_once primary key (dead_letter_topic, dead_letter_partition, dead_letter_offset)
);
