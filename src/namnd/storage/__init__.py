"""Storage: where the database lives, how it is opened and migrated, and data access."""
