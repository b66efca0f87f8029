-- A stand-in for a service's schema, so that the go-live test sees real applied Flyway migrations.
create table golive_test_marker (id integer primary key);
