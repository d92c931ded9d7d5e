"""Test support shared by the scenario and unit tests: the test people, waiting, test notices."""
