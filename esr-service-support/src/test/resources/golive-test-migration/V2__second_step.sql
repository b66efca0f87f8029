insert into golive_test_marker (id) values (1);
